// The test and lint machinery lives here; the CLI and the Swift tests both call it.

import ArgumentParser
import WinnowOutput

// The output module's choices, as command-line option values.
extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension RecordErrorPolicy: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

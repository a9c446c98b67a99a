import WinnowRules

/// The rule loader: the input is one rule file. Rule files are read as UTF-8 (RuleSource.directory
/// refuses others), so invalid bytes are repaired first, as they could never reach the loader raw.
/// Half the inputs load as a site pack's file, whose keys differ.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let path = size % 2 == 0 ? "fuzz.yml" : "sites/fuzz.example.yml"
    let (set, diagnostics) = RuleSet.loadPartially([RuleSource(displayPath: "fuzz/" + path, relativePath: path, text: text)])
    for diagnostic in diagnostics { _ = diagnostic.description }
    for rule in set.rules { _ = rule.id }
    return 0
}

import WinnowRules

/// Loads rule files given as text and returns the printed diagnostics of a failed load.
///
///     let errors = Loader.errors(["my/ads.yml": "rules: x"])
///     // ["my/ads.yml:1:8: error: 'rules' must be a list of rules"]
enum Loader {
    /// Files by display path; the relative path (which qualifies ids) is the part after the first `/`.
    static func sources(_ files: [(path: String, text: String)]) -> [RuleSource] {
        files.map { file in
            let relative = file.path.split(separator: "/", maxSplits: 1).last.map(String.init) ?? file.path
            return RuleSource(displayPath: file.path, relativePath: relative, text: file.text)
        }
    }

    static func errors(_ files: [(path: String, text: String)]) -> [String] {
        do {
            _ = try RuleSet.load(sources(files))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func errors(_ path: String, _ text: String) -> [String] { errors([(path, text)]) }
}

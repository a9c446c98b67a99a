import Foundation

/// The text of one rule file and where it came from.
public struct RuleSource: Sendable, Hashable {
    /// The path shown in messages, e.g. `rules/ads.yml`.
    public var displayPath: String
    /// The path under the rules directory, e.g. `sites/livemint.com.yml`; it qualifies rule ids.
    public var relativePath: String
    public var text: String

    public init(displayPath: String, relativePath: String, text: String) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.text = text
    }

    /// Every `.yml` and `.yaml` file under `directory`, sorted by relative path.
    ///
    /// - Throws: `Diagnostic` when the directory cannot be read or a file is not UTF-8.
    public static func directory(_ directory: String) throws(Diagnostic) -> [RuleSource] {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(at: SourceLocation(file: directory, line: 0, column: 0),
                         "not a readable directory", code: "io")
        }
        var sources: [RuleSource] = []
        let base = root.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard ["yml", "yaml"].contains(url.pathExtension) else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            let shown = (directory.hasSuffix("/") ? directory : directory + "/") + relative
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: full))
            } catch {
                throw .error(at: SourceLocation(file: shown, line: 0, column: 0),
                             "cannot read file: \(RuleSource.reason(opening: full))", code: "io")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw .error(at: SourceLocation(file: shown, line: 0, column: 0),
                             "rule file is not valid UTF-8", code: "io")
            }
            sources.append(RuleSource(displayPath: shown, relativePath: relative, text: text))
        }
        return sources.sorted { $0.relativePath < $1.relativePath }
    }

    /// Why a file could not be read, in the system's words ("Too many levels of symbolic links").
    static func reason(opening path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor < 0 else {
            close(descriptor)
            return "read failed"
        }
        return String(cString: strerror(errno))
    }

    /// The id prefix for this file: its relative path without the extension.
    public var qualifier: String {
        for suffix in [".yml", ".yaml"] where relativePath.hasSuffix(suffix) {
            return String(relativePath.dropLast(suffix.count))
        }
        return relativePath
    }
}

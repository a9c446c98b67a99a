import WinnowEngine

/// How extracted metadata becomes the JSON `meta` object.
///
/// - A field whose name ends in `s` (`tags`, `authors`, `categories`) is an
///   array of its distinct values, in document order.
/// - Any other field (`author`, `published`, `updated`, `section`) is a
///   string: its first value in document order.
/// - Keys come in the order their first value appears in the document.
///
///     MetaFields(decisions.meta).write(into: &json)
///     // {"author":"Jane Doe","updated":"15 Nov 2025, 02:53 PM IST","tags":["Transport"]}
///
/// Values are the bytes the named group matched, as they are. PCRE2 never
/// matches invalid UTF-8, so they are always valid strings.
public struct MetaFields: Sendable {
    /// Each field with its values, in the order the JSON object lists them.
    public private(set) var fields: [(name: String, values: [[UInt8]])] = []

    public init(_ meta: [Decisions.MetaField]) {
        // Document order; rules that found fields on the same line keep their load order.
        let ordered = meta.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        var position: [String: Int] = [:]
        for (_, field) in ordered {
            if let at = position[field.name] {
                guard Self.isList(field.name), !fields[at].values.contains(field.value) else { continue }
                fields[at].values.append(field.value)
            } else {
                position[field.name] = fields.count
                fields.append((field.name, [field.value]))
            }
        }
    }

    /// Whether a field is written as an array: its name is a plural, ending in `s`.
    public static func isList(_ name: String) -> Bool { name.hasSuffix("s") }

    /// Writes the `meta` object.
    public func write(into json: inout JSONWriter) {
        json.beginObject()
        for (name, values) in fields {
            json.key(name)
            if Self.isList(name) {
                json.beginArray()
                for value in values { json.string(bytes: value) }
                json.endArray()
            } else {
                json.string(bytes: values[0])
            }
        }
        json.endObject()
    }
}

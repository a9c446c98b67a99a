import Yams

/// What an unquoted YAML scalar means when a key wants a flag, a number or
/// nothing, read as YAML 1.1 reads it (the rule files are composed with
/// Yams's basic resolver, which leaves every scalar a string). A quoted
/// scalar is always a string.
///
///     PlainScalar(scalar).bool    // `true`, `yes`, `on` → true; `'true'` → nil
///     PlainScalar(scalar).int     // `12` → 12; `1.5`, `"12"` → nil
struct PlainScalar {
    private let text: String?

    init(_ scalar: Node.Scalar) {
        text = scalar.style == .plain || scalar.style == .any ? scalar.string : nil
    }

    /// `~`, `null` or nothing at all.
    var isNull: Bool {
        guard let text else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    var bool: Bool? {
        switch text?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    var int: Int? {
        guard let text else { return nil }
        return Int(text.replacingOccurrences(of: "_", with: ""))
    }

    var number: Double? {
        guard let text, let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            return nil
        }
        return value
    }
}

/// Text as it is shown in reports: quoted, with invisible characters
/// escaped, and long lines shortened in the middle.
///
///     Quoting.quoted("by\u{A0}Jane")        // "by\u{A0}Jane"
///     Quoting.quoted(paragraph, limit: 60)  // "The first thirty characters … the last thirty"
enum Quoting {
    static func quoted(_ text: String, limit: Int? = nil) -> String {
        var text = text
        if let limit, text.count > limit {
            let half = max(1, (limit - 3) / 2)
            text = text.prefix(half) + " … " + text.suffix(half)
        }
        var shown = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            case "\r": shown += "\\r"
            case "\"": shown += "\\\""
            case "\\": shown += "\\\\"
            default:
                let category = scalar.properties.generalCategory
                if scalar.value < 0x20 || scalar.value == 0x7F || category == .format
                    || (category == .spaceSeparator && scalar != " ") {
                    shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown + "\""
    }
}

/// The host part of a URL, for choosing site packs.
///
///     URLHost.of("https://www.livemint.com/companies/news/x.html")   // "www.livemint.com"
///     URLHost.of("HTTP://user@Example.COM:8080/")                     // "example.com"
///     URLHost.of("livemint.com/markets")                              // "livemint.com"
///     URLHost.of("")                                                  // nil
public enum URLHost {
    public static func of(_ url: String) -> String? {
        var rest = Substring(url.trimmingPrefix(while: { $0 == " " || $0 == "\t" }))
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == " " }) {
            rest = rest[..<end]
        }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            rest = rest.prefix { $0 != "]" }.dropFirst()
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[..<colon]
        }
        while rest.hasSuffix(".") { rest = rest.dropLast() }
        return rest.isEmpty ? nil : rest.lowercased()
    }
}

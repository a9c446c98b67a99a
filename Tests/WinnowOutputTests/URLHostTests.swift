import Testing
@testable import WinnowOutput

@Suite struct URLHostTests {
    @Test(arguments: [
        ("https://www.livemint.com/companies/news/x.html", "www.livemint.com"),
        ("HTTP://user:pw@Example.COM:8080/path?q#f", "example.com"),
        ("//cdn.example.org/x", "cdn.example.org"),
        ("livemint.com/markets", "livemint.com"),
        ("https://[::1]:80/", "::1"),
        ("https://example.com./", "example.com"),
        ("https://example.com?x", "example.com"),
    ])
    func findsTheHost(url: String, host: String) {
        #expect(URLHost.of(url) == host)
    }

    @Test func noHost() {
        #expect(URLHost.of("") == nil)
        #expect(URLHost.of("https:///path") == nil)
    }
}

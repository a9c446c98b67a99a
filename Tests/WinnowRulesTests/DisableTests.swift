import Testing
import WinnowRules

/// `--disable` patterns: a rule id, a whole file, or a glob; a typo is an error.
@Suite struct DisableTests {
    static let set: RuleSet = {
        let rule = { (id: String) in "  - {id: \(id), description: d, action: drop, regex: x}\n" }
        return try! RuleSet.load(Loader.sources([
            ("r/ads.yml", "description: d\nrules:\n" + rule("label") + rule("promo")),
            ("r/adsense.yml", "description: d\nrules:\n" + rule("unit")),
            ("r/sites/a.com.yml", "site: a.com\ndescription: d\nrules:\n" + rule("crumb")),
            ("r/sites/b.com.yml", "site: b.com\ndescription: d\nrules:\n" + rule("crumb") + rule("footer")),
        ]))
    }()

    private func remaining(_ patterns: [String]) throws -> [String] {
        try Self.set.disabling(patterns).rules.map(\.id)
    }

    @Test func theFixtureHasEveryRule() {
        #expect(Self.set.rules.map(\.id) == ["ads/label", "ads/promo", "adsense/unit", "sites/a.com/crumb",
                                             "sites/b.com/crumb", "sites/b.com/footer"])
    }

    @Test func aRuleId() throws {
        #expect(try remaining(["ads/label"]) == ["ads/promo", "adsense/unit", "sites/a.com/crumb", "sites/b.com/crumb",
                                                 "sites/b.com/footer"])
    }

    @Test func aFileQualifierTurnsOffThatFileOnly() throws {
        #expect(try remaining(["ads"]) == ["adsense/unit", "sites/a.com/crumb", "sites/b.com/crumb", "sites/b.com/footer"])
        #expect(try remaining(["sites/b.com"]) == ["ads/label", "ads/promo", "adsense/unit", "sites/a.com/crumb"])
    }

    @Test func globs() throws {
        #expect(try remaining(["sites/*"]) == ["ads/label", "ads/promo", "adsense/unit"])
        #expect(try remaining(["*/crumb"]) == ["ads/label", "ads/promo", "adsense/unit", "sites/b.com/footer"])
        #expect(try remaining(["ads*"]) == ["sites/a.com/crumb", "sites/b.com/crumb", "sites/b.com/footer"])
        #expect(try remaining(["ads/[lp]*", "sites/?.com/footer"]) == ["adsense/unit", "sites/a.com/crumb",
                                                                         "sites/b.com/crumb"])
    }

    @Test func nothingDisabledIsTheSameSet() throws {
        #expect(try remaining([]) == Self.set.rules.map(\.id))
    }

    @Test func sitePacksStayWhenTheirRulesGo() throws {
        #expect(try Self.set.disabling(["sites/*"]).sitePacks.map(\.name) == ["a.com", "b.com"])
    }

    @Test(arguments: ["ad", "ads/lab", "nosuch", "sites/c.com", "ads/label/x"])
    func aPatternThatNamesNoRuleIsAnError(pattern: String) {
        #expect(throws: UnknownRulePattern.self) { try Self.set.disabling(["ads/label", pattern]) }
        do {
            _ = try Self.set.disabling([pattern])
        } catch {
            #expect(error.description == "--disable '\(pattern)' names no rule ('winnow rules' lists them)")
        }
    }
}

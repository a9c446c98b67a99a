import Testing
import WinnowEngine
import WinnowRules

/// Site packs apply when detected, named with `--site`, or matched by host.
@Suite struct SitePackTests {
    static let files = [
        "generic.yml": """
            description: generic
            rules:
              - {id: ad, description: a, action: drop, regex: '^Advertisement$'}

            """,
        "sites/example.com.yml": """
            site: Example.com
            hosts: [example.com, example.org]
            detect: '^© Example Media$'
            description: example
            rules:
              - {id: crumb, description: c, action: drop, regex: '^Home › '}

            """,
        "sites/other.net.yml": """
            site: other.net
            description: no detect regex, no hosts
            rules:
              - {id: crumb, description: c, action: drop, regex: '^Home › '}

            """,
    ]

    private let page = "Home › World\nAdvertisement\nText.\n"

    @Test func inactivePacksDoNothing() throws {
        let run = try Fixture(Self.files).run(page)
        #expect(run.verdicts == ["kept", "dropped generic/ad", "kept"])
        #expect(run.decisions.sites.isEmpty)
    }

    @Test func detectMatchesAnywhereInTheDocumentMultiLine() throws {
        let run = try Fixture(Self.files).run(page + "© Example Media\n")
        #expect(run.verdicts == ["dropped sites/example.com/crumb", "dropped generic/ad", "kept", "kept"])
        #expect(run.decisions.sites == ["example.com"])
    }

    @Test func siteOptionForcesAPackCaseInsensitively() throws {
        let fixture = try Fixture(Self.files)
        #expect(fixture.run(page, sites: ["EXAMPLE.com"]).decisions.sites == ["example.com"])
        #expect(fixture.run(page, sites: ["other.net"]).verdicts == ["dropped sites/other.net/crumb", "dropped generic/ad", "kept"])
        #expect(fixture.run(page, sites: ["example.com", "other.net"]).decisions.sites == ["example.com", "other.net"])
        // Both packs' rules match line 0; it is charged to the one that loads first.
        #expect(fixture.run(page, sites: ["example.com", "other.net"]).verdicts[0] == "dropped sites/example.com/crumb")
    }

    @Test(arguments: [
        ("example.com", true), ("www.example.com", true), ("Example.ORG", true), ("a.b.example.org", true),
        ("notexample.com", false), ("example.com.evil.net", false), ("other.net", false),
    ])
    func hostSelectsThePackAndItsSubdomains(host: String, active: Bool) throws {
        let run = try Fixture(Self.files).run(page, host: host)
        #expect(run.decisions.sites.contains("example.com") == active)
        #expect((run.verdicts[0] == "dropped sites/example.com/crumb") == active)
    }

    @Test func packsCarryTheirSiteOnEveryRule() throws {
        let set = try Fixture(Self.files).ruleSet
        #expect(set.sitePacks.map(\.name) == ["example.com", "other.net"])
        #expect(set.rules.map { $0.site ?? "-" } == ["-", "example.com", "other.net"])
        #expect(set.sitePacks[0].hosts == ["example.com", "example.org"])
        #expect(set.sitePacks[1].hosts == ["other.net"])
        #expect(set.sitePacks[1].detect == nil)
    }
}

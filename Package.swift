// swift-tools-version:6.0
import PackageDescription

// The modules form a straight line; none imports one further down it:
// CPCRE2 -> PCRE2 -> WinnowRules -> WinnowEngine -> WinnowOutput -> WinnowCheck -> winnow
// Linux only: the I/O layer calls Glibc directly (open, read, write, isatty), so no other platform is claimed.
let package = Package(
    name: "winnow",
    products: [
        .executable(name: "winnow", targets: ["winnow"]),
        .library(name: "PCRE2", targets: ["PCRE2"]),
        // For the libFuzzer package in Tests/Fuzz, which depends on this one by path and so sees products only.
        .library(name: "WinnowLibrary", targets: ["WinnowRules", "WinnowEngine", "WinnowOutput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .target(name: "WinnowRules", dependencies: ["PCRE2", "Yams"]),
        .target(name: "WinnowEngine", dependencies: ["WinnowRules", "PCRE2"]),
        .target(name: "WinnowOutput", dependencies: ["WinnowEngine", "WinnowRules"],
                exclude: ["JSON-FORMATS.md"]),
        .target(name: "WinnowCheck", dependencies: ["WinnowOutput", "WinnowEngine", "WinnowRules", "PCRE2"]),

        // rules/ compiled into the binary, so an installed winnow needs no checkout.
        .target(name: "WinnowBuiltinRules", plugins: ["EmbedRulesPlugin"]),
        .executableTarget(name: "EmbedRules"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["EmbedRules"],
                path: "Sources/EmbedRulesPlugin"),

        .executableTarget(
            name: "winnow",
            dependencies: [
                "WinnowCheck", "WinnowOutput", "WinnowEngine", "WinnowRules", "WinnowBuiltinRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["winnow.1"]  // the man page, written by .ci/man
        ),

        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "WinnowRulesTests", dependencies: ["WinnowRules", "WinnowBuiltinRules"]),
        .testTarget(name: "WinnowEngineTests", dependencies: ["WinnowEngine", "WinnowRules"]),
        .testTarget(name: "WinnowOutputTests", dependencies: ["WinnowOutput", "WinnowEngine", "WinnowRules"]),
        .testTarget(name: "WinnowCheckTests", dependencies: ["WinnowCheck", "WinnowBuiltinRules"]),
        .testTarget(name: "WinnowCLITests", dependencies: ["winnow"]),
        // Property-based: random documents and rule sets, the JSON Lines record reconstructs the input.
        .testTarget(
            name: "WinnowPropertyTests",
            dependencies: [
                "WinnowOutput", "WinnowEngine", "WinnowRules",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)

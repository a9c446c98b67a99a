// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for winnow, built and run by .ci/fuzz:
//   swift build --package-path Tests/Fuzz -c release --sanitize=fuzzer --sanitize=address
// A package of its own so that the sanitizers reach every module they fuzz (SwiftPM applies
// --sanitize to the whole graph, the main package's modules and Yams included) without
// touching the main build, and so that `swift build` of the main package never sees an
// executable whose `main` only libFuzzer provides. Each target is one file, not main.swift,
// so SwiftPM compiles it as a library (-parse-as-library) and libFuzzer's main is the entry.
let package = Package(
    name: "winnow-fuzz",
    dependencies: [.package(name: "winnow", path: "../..")],
    targets: [
        .executableTarget(name: "FuzzRuleLoader", dependencies: [.product(name: "WinnowLibrary", package: "winnow")]),
        .executableTarget(name: "FuzzEngine", dependencies: [.product(name: "WinnowLibrary", package: "winnow")]),
        .executableTarget(name: "FuzzRecordReader", dependencies: [.product(name: "WinnowLibrary", package: "winnow")]),
    ]
)

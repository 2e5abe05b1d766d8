// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "timeline",
    products: [
        .library(name: "Timeline", targets: ["Timeline"]),
        .executable(name: "timeline", targets: ["timeline-cli"]),
    ],
    dependencies: [
        // The CLI's parsing, help, and usage errors (exit 64): the standard for Swift command-line tools.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "Timeline",
            dependencies: ["CSQLite"]
        ),
        .executableTarget(
            name: "timeline-cli",
            dependencies: [
                "Timeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the date parser (benchmarks/run builds it in release mode); not part of the product.
        .executableTarget(
            name: "date-benchmark",
            dependencies: ["Timeline"],
            path: "benchmarks/DateParsing"
        ),
        .testTarget(
            name: "TimelineTests",
            // timeline-cli is here so that `swift test` builds the binary the end-to-end tests run.
            dependencies: ["Timeline", "timeline-cli"]
        ),
    ]
)

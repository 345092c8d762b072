// swift-tools-version:6.1
import PackageDescription

// Layers, bottom to top: COpenSSL/CZlib (C module maps) → HTTPServer (sockets, parser, TLS; knows
// nothing of careers) and CareersCore (articles, models, repository; knows nothing of HTTP) →
// CareersAPI (routes: requests to repository queries and JSON) → careers-api (CLI and wiring).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "careers-api",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "careers-api", targets: ["careers-api"]),
        // Libraries for the benchmark packages under Benchmarks/ (not for outside use).
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "CareersCore", targets: ["CareersCore"]),
        .library(name: "CareersAPI", targets: ["CareersAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(name: "CEpoll"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "HTTPServer",
            dependencies: [
                "COpenSSL",
                "CEpoll",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "EmbedResources",
            swiftSettings: strict
        ),
        .plugin(
            name: "EmbedArticles",
            capability: .buildTool(),
            dependencies: ["EmbedResources"]
        ),
        .target(
            name: "CareersCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: strict,
            plugins: ["EmbedArticles"]
        ),
        .target(
            name: "CareersAPI",
            dependencies: [
                "HTTPServer", "CareersCore", "CZlib",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "careers-api",
            dependencies: [
                "HTTPServer", "CareersCore", "CareersAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CareersCoreTests",
            dependencies: ["CareersCore"],
            resources: [.copy("Golden"), .copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CareersCLITests",
            dependencies: ["careers-api"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CareersAPITests",
            dependencies: ["CareersAPI", "HTTPServer", "CareersCore"],
            swiftSettings: strict
        ),
    ]
)

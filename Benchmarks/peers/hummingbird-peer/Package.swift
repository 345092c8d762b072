// swift-tools-version:6.1
import PackageDescription

// The Hummingbird 2 peer of Benchmarks/run: serves the same response bytes as our server so that
// only the servers differ. Its own package on purpose: Hummingbird is never a product dependency.
let package = Package(
    name: "hummingbird-peer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdPeer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

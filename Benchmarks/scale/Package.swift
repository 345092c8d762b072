// swift-tools-version:6.1
import PackageDescription

// Repository build time/memory and job-query latency at corpus sizes from 4 to 10,000 articles.
// Run from this directory: swift run -c release --scratch-path .build-release scale-bench …
let package = Package(
    name: "scale-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "careers-api", path: "../..")],
    targets: [
        .executableTarget(
            name: "scale-bench",
            dependencies: [.product(name: "CareersCore", package: "careers-api")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)

// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks (ordo-one/benchmark) of the hot path's pieces: the HTTP request parser and the
// JSON encoder. Its own package so the product never depends on the benchmark framework.
// Run: cd Benchmarks/micro && swift package --scratch-path .build-micro benchmark
// ProfileServer: the server without its CLI, for callgrind (Benchmarks/profile).
let careers: [Target.Dependency] = [
    .product(name: "HTTPServer", package: "careers-api"),
    .product(name: "CareersCore", package: "careers-api"),
    .product(name: "CareersAPI", package: "careers-api"),
]

let package = Package(
    name: "careers-micro",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "careers-api", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HTTPBenchmarks",
            dependencies: careers + [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/HTTPBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ProfileServer",
            dependencies: careers,
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

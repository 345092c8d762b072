import Benchmark
import HTTPServer

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal], maxDuration: .seconds(2))

    Benchmark("HTTPRequest.init") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(HTTPRequest(method: .GET, target: "/jobs?level=senior&sort=salary_desc"))
        }
    }
}

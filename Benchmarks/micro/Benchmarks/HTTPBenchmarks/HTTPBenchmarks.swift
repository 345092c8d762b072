import Benchmark
import CareersAPI
import CareersCore
import HTTPServer

// What one request costs above the socket: the request value the core builds, and the API's
// answer for each benchmarked path (routing, validation, and for query routes the JSON encoding).
// The parser itself is internal to HTTPServer (RequestHeadParser); see the README's Benchmarks.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2), maxIterations: 100_000)

    let api = CareersAPI(repository: Repository.load(directories: [], includeEmbedded: true))
    let headers = HTTPHeaders([("Host", "127.0.0.1:8080"), ("User-Agent", "wrk"), ("Accept", "*/*")])

    Benchmark("HTTPRequest.init /jobs?level=senior&sort=salary_desc") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(HTTPRequest(method: .GET, target: "/jobs?level=senior&sort=salary_desc", headers: headers))
        }
    }

    let targets = [
        "/healthz",
        "/roles",
        "/roles/lead-machine-learning-engineer",
        "/compare?roles=machine-learning-engineer,lead-machine-learning-engineer",
        "/jobs?level=senior&sort=salary_desc",
        "/roles?q=ml%20engneer",
        "/salaries",
    ]
    for target in targets {
        let request = HTTPRequest(method: .GET, target: target, headers: headers)
        precondition(api.respond(to: request).status == 200, "\(target) is not answered 200")
        Benchmark("respond \(target)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(api.respond(to: request))
            }
        }
    }
}

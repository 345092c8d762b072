import Benchmark
@_spi(Benchmarks) import CareersAPI
import CareersCore
@_spi(Benchmarks) import HTTPServer

// What one request costs above the socket: the request-head parser, the request value the core
// builds, the API's answer for each benchmarked path (from its caches, as a repeated request),
// the same answers computed afresh (routing, validation, search, JSON encoding: a first request),
// and the JSON encoder alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2), maxIterations: 100_000)

    let api = CareersAPI(repository: Repository.load(directories: [], includeEmbedded: true))
    let headers = HTTPHeaders([("Host", "127.0.0.1:8080"), ("User-Agent", "wrk"), ("Accept", "*/*")])

    // The heads wrk and curl send, and a browser-sized one.
    let heads: [(String, String)] = [
        ("wrk", "GET /roles HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"),
        ("curl", "GET /jobs?level=senior&sort=salary_desc HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
        ("browser", "GET /roles/lead-machine-learning-engineer HTTP/1.1\r\nHost: careers.example\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\nConnection: keep-alive\r\nUpgrade-Insecure-Requests: 1\r\n"
            + "If-None-Match: \"7067a977227b04c0115528eb\"\r\nPriority: u=0, i\r\n\r\n"),
    ]
    for (name, text) in heads {
        let bytes = Array(text.utf8)
        var probe = HeadParserProbe()
        precondition(bytes.withUnsafeBufferPointer { probe.parse($0) } == bytes.count, "the \(name) head does not parse")
        Benchmark("parse head (\(name), \(bytes.count) B)") { benchmark in
            var parser = HeadParserProbe()
            for _ in benchmark.scaledIterations {
                blackHole(bytes.withUnsafeBufferPointer { parser.parse($0) })
            }
        }
    }

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
        // Five roles: every skill, tool and industry entity placed once (issue 13: under 1 ms afresh).
        "/compare?roles=machine-learning-engineer,lead-machine-learning-engineer,ai-scientist,deep-learning-engineer,software-data-engineer",
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
        guard target.contains("?") else { continue }
        precondition(api.respondUncached(to: request) > 0, "\(target) is not answered afresh")
        Benchmark("respond afresh (uncached) \(target)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(api.respondUncached(to: request))
            }
        }
    }

    Benchmark("JSON encoder: every role document") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(api.encodeRoleDocuments())
        }
    }
}

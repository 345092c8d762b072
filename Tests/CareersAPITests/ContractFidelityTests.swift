import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// What the OpenAPI document promises a generated client, checked against the live server.
@Suite(.serialized) struct ContractFidelityTests {
    let live: LiveServer
    let document: [String: Any]

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
        document = try live.get("/openapi.json").json
    }

    var paths: [String: [String: Any]] { document["paths"] as? [String: [String: Any]] ?? [:] }

    func operation(_ path: String) -> [String: Any] { paths[path]?["get"] as? [String: Any] ?? [:] }

    func parameterNames(_ path: String) -> Set<String> {
        let parameters = operation(path)["parameters"] as? [[String: Any]] ?? []
        return Set(parameters.compactMap { parameter in
            if let name = parameter["name"] as? String { return name }
            return (parameter["$ref"] as? String)?.split(separator: "/").last.map(String.init)
        })
    }

    /// RFC 8288: each page of a list names the next one in `Link`, exactly as the body's `next`.
    @Test(arguments: ["/jobs?limit=3", "/roles?limit=2", "/comparisons?limit=1", "/jobs?level=senior&limit=2&facets=level"])
    func linkHeaderIsTheBodysNext(start: String) throws {
        var target: String? = start
        var pages = 0
        while let current = target, pages < 50 {
            for encoding in [[], ["Accept-Encoding: gzip"]] {
                let response = try live.get(current, encoding)
                let next = try live.get(current).json["next"] as? String
                #expect(response.header("Link") == next.map { "<\($0)>; rel=\"next\"" }, "\(current)")
            }
            target = try live.get(current).json["next"] as? String
            pages += 1
        }
        #expect(pages > 1)
    }

    /// `/compare?a=&b=` is served, so it is declared; so is every parameter the routes accept.
    @Test func everyAcceptedParameterIsDeclared() throws {
        #expect(parameterNames("/compare") == ["roles", "a", "b", "c", "d", "e"])
        #expect(try live.get("/compare?a=machine-learning-engineer&b=ai-scientist").status == 200)
        #expect(parameterNames("/jobs").isSuperset(of: ["workplace", "facets", "facet_limit", "sort"]))
        #expect(parameterNames("/salaries").contains("bucket_width"))
        #expect(parameterNames("/suggest") == ["q", "types", "limit"])
    }

    /// A nullable enum is a reference to one named enum, or null: one type in a generated client.
    @Test func nullableEnumsReferenceOneSchema() throws {
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let job = try #require(schemas["Job"]?["properties"] as? [String: [String: Any]])
        let level = try #require(job["level"]?["anyOf"] as? [[String: Any]])
        #expect(level.first?["$ref"] as? String == "#/components/schemas/JobLevel")
        #expect(level.last?["type"] as? String == "null")
        #expect(schemas["JobLevel"]?["enum"] as? [String] == JobLevel.allCases.map(\.rawValue))
        let levelParameter = try #require((document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]])["level"]
        #expect((levelParameter?["schema"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/JobLevel")
        let text = String(decoding: try live.get("/openapi.json").body, as: UTF8.self)
        #expect(!text.contains("\"enum\":[\"entry\",\"mid\",\"senior\",\"executive\",null]"))
    }

    /// Statuses the server sends are listed on every operation that can send them.
    @Test func sentStatusesAreListed() throws {
        for (path, methods) in paths {
            let responses = try #require((methods["get"] as? [String: Any])?["responses"] as? [String: Any], "\(path)")
            for status in ["408", "413", "414", "431", "503"] { #expect(responses[status] != nil, "\(path) \(status)") }
            if !["/healthz", "/readyz", "/metrics"].contains(path) {
                for status in ["200", "304", "400", "412"] { #expect(responses[status] != nil, "\(path) \(status)") }
            }
        }
        // And the server does send them.
        #expect(try live.get("/roles", [#"If-Match: "x""#]).status == 412)
        #expect(try live.get("/" + String(repeating: "a", count: 20_000)).status == 414)
    }

    /// The JSON-LD body is described by a schema that lists every member the server writes.
    @Test func linkedDataMembersAreDeclared() throws {
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let declared = Set((schemas["JobPostingLD"]?["properties"] as? [String: Any] ?? [:]).keys)
        for job in sharedAPI.repository.jobs {
            let body = try live.get("/jobs/" + job.id, ["Accept: application/ld+json"]).json
            #expect(Set(body.keys).isSubset(of: declared), "\(Set(body.keys).subtracting(declared))")
        }
        let getJob = operation("/jobs/{id}")
        let content = ((getJob["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any]
        #expect(content?["application/ld+json"] != nil)
        let problem = ((getJob["responses"] as? [String: Any])?["404"] as? [String: Any])
        #expect(problem != nil)
    }
}

import Foundation
import HTTPServer
import Testing

@testable import CareersAPI

/// The route table is the one declaration of each route: these check that routing, validation,
/// methods and the OpenAPI document all follow from it, for every route, present and future.
@Suite struct RouteTableTests {
    let api = sharedAPI

    /// A concrete path for a template (`{id}` filled with a word no data uses).
    func concrete(_ route: Route) -> String { route.path.replacingOccurrences(of: "{id}", with: "zz-no-such-id") }

    @Test func everyRouteIsMatchedByItsOwnPathOnly() {
        let paths = Routes.all.map(\.path)
        #expect(Set(paths).count == paths.count, "a template declared twice")
        for (index, route) in Routes.all.enumerated() {
            let match = Router.match(path: concrete(route))
            #expect(match?.index == index, "\(route.path)")
            #expect(match?.route === route)
            #expect(match?.id == (route.path.contains("{id}") ? "zz-no-such-id" : nil))
        }
    }

    @Test func everyRouteAnswersUndeclaredParametersWithA400NamingThem() {
        for route in Routes.all where !route.ignoresQuery {
            let response = api.call(concrete(route) + "?zz_unknown=1")
            expectProblem(response, status: 400, naming: "zz_unknown")
            #expect(response.route == route.path)
        }
    }

    @Test func everyRouteAnswersOtherMethodsWith405AndItsAllow() {
        for route in Routes.all {
            #expect(route.allow == "GET, HEAD, OPTIONS")
            let refused = api.call(concrete(route), method: .DELETE)
            expectProblem(refused, status: 405)
            #expect(refused.headers["Allow"] == route.allow)
            let options = api.call(concrete(route), method: .OPTIONS)
            #expect(options.status == 204)
            #expect(options.headers["Allow"] == route.allow)
        }
        #expect(api.call("*", method: .OPTIONS).headers["Allow"] == Routes.allowedAnywhere)
    }

    @Test func theIndexLinksEveryRouteThatHasALink() {
        let links = api.call("/").json["links"] as? [String: String] ?? [:]
        for route in Routes.all {
            guard let link = route.link else { continue }
            #expect(links[link.name] == link.href)
        }
    }

    /// The document lists, per path, exactly the parameters the route accepts (less those
    /// described in another's text), and every `$ref` resolves.
    @Test func theOpenAPIDocumentDescribesEveryDeclaredParameter() throws {
        let text = api.call("/openapi.json").text
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        let components = try #require(doc["components"] as? [String: [String: Any]])
        for route in Routes.all {
            let get = try #require(paths[route.path]?["get"] as? [String: Any], "\(route.path)")
            let parameters = get["parameters"] as? [[String: Any]] ?? []
            let names = parameters.compactMap { parameter -> String? in
                if let ref = parameter["$ref"] as? String {
                    let name = String(ref.split(separator: "/").last ?? "")
                    return (components["parameters"]?[name] as? [String: Any])?["name"] as? String
                }
                return parameter["in"] as? String == "query" ? parameter["name"] as? String : nil
            }
            #expect(names == route.parameters.filter(\.documented).map(\.name), "\(route.path)")
        }
        for ref in Self.refs(in: text) {
            let parts = ref.split(separator: "/").map(String.init)
            #expect(parts.count == 4 && components[parts[2]]?[parts[3]] != nil, "unresolved \(ref)")
        }
    }

    static func refs(in text: String) -> [String] {
        text.components(separatedBy: #""$ref":""#).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}

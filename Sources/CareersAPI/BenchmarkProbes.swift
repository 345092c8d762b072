import CareersCore
import HTTPServer

/// Entry points for the micro-benchmarks (`@_spi(Benchmarks) import CareersAPI`): the work a
/// request does when no cache answers it, without widening the product's API.
extension CareersAPI {
    /// Body bytes of a query route's answer computed afresh, bypassing the query cache: routing,
    /// validation, search and JSON encoding, as a first request pays them. 0 when not answered.
    @_spi(Benchmarks) public func respondUncached(to request: HTTPRequest) -> Int {
        let snapshot = current
        guard let match = Router.match(path: request.path), case .query(let handler, _) = snapshot.routes[match.index],
            case .ok(let representation, _) = Self.answer(handler, catalog: snapshot.catalog, query: request.query, route: match.route)
        else { return 0 }
        return representation.body.count
    }

    /// The JSON encoder alone: every role document serialised, total bytes.
    @_spi(Benchmarks) public func encodeRoleDocuments() -> Int {
        current.repository.roles.reduce(0) { total, role in total + Catalog.serialise(role) { $0.role($1, jobCount: current.repository.jobCount(ofRole: $1.id)) }.count }
    }
}

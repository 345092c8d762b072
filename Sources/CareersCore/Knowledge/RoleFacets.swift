/// One value of a facet: an entity and how many roles have it.
public struct FacetValue: Sendable, Hashable {
    public var id: String
    public var name: String
    public var count: Int
}

extension Repository {
    /// For each asked dimension, the entities of the roles matching every filter but that
    /// dimension's own (as faceted search counts, so a sidebar can offer the alternatives), by
    /// count then name, at most `limit` each.
    public func roleFacets(_ filter: RoleFilter, dimensions: [EntitySection], limit: Int) -> [EntitySection: [FacetValue]] {
        var result: [EntitySection: [FacetValue]] = [:]
        for dimension in dimensions {
            var lifted = filter
            switch dimension {
            case .skills: lifted.skill = nil
            case .tools: lifted.tool = nil
            case .industries: lifted.industry = nil
            }
            let roles = lifted == RoleFilter() ? self.roles : searchRoles(lifted)
            var counts: [String: (name: String, count: Int)] = [:]
            for role in roles {
                for ref in role.entities[dimension] { counts[ref.id, default: (ref.name, 0)].count += 1 }
            }
            let values = counts.map { FacetValue(id: $0.key, name: $0.value.name, count: $0.value.count) }
                .sorted(by: Self.facetOrder)
            result[dimension] = Array(values.prefix(limit))
        }
        return result
    }

    private static func facetOrder(_ lhs: FacetValue, _ rhs: FacetValue) -> Bool {
        if lhs.count != rhs.count { return lhs.count > rhs.count }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        return lhs.id < rhs.id
    }
}

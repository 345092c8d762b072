/// The dimensions `/jobs?facets=` counts. Each value's count is what filtering by that value
/// would return under the request's other filters (the dimension's own filter lifted), as
/// faceted search does, so a sidebar can offer the alternatives.
public enum JobFacet: String, Sendable, Hashable, CaseIterable {
    case level
    case employmentType = "employment_type"
    case workplace, company, location, currency, role
    /// The listed skills and tools a job's title names (the knowledge's job mentions).
    case skill, tool
}

/// One value of a facet: `value` is what the filter of the same name takes; `label` a display
/// name where the value is an id (a role's title, an entity's name).
public struct FacetValue: Sendable, Hashable {
    public var value: String
    public var label: String?
    public var count: Int

    public init(value: String, label: String? = nil, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}

/// Per-job value ids for the many-valued facets (company, location, role, skill, tool), built once. Company
/// and location filters match words by prefix ("amazon" also matches "Amazon Web Services"), so
/// each distinct value keeps the values its own filter would match (`closure`): its count is
/// the sum of theirs, and equals what filtering by it returns.
struct FacetValues: Sendable {
    struct Text: Sendable {
        /// Per job, the id of its value (-1: none).
        var ids: [Int32]
        /// Per id, the value as first written.
        var names: [String]
        /// Per id, the ids whose jobs a filter by this name matches (itself included).
        var closure: [[Int32]]
        /// Per id, its jobs among all: the counts of an unfiltered request, which then costs a
        /// pass over the values instead of one over every job (~80,000 at 10,000 articles).
        var totals: [Int]

        init(keys: [String], display: [String?]) {
            var idOfKey: [String: Int32] = [:]
            var names: [String] = []
            var distinctKeys: [String] = []
            ids = keys.indices.map { position in
                let key = keys[position]
                guard !key.isEmpty, let name = display[position] else { return -1 }
                if let id = idOfKey[key] { return id }
                let id = Int32(names.count)
                idOfKey[key] = id
                names.append(name)
                distinctKeys.append(key)
                return id
            }
            self.names = names
            var totals = [Int](repeating: 0, count: names.count)
            for id in ids where id >= 0 { totals[Int(id)] += 1 }
            self.totals = totals
            // The same word matching as the filter, over the distinct values instead of the jobs.
            let index = WordIndex(fields: [distinctKeys])
            closure = names.indices.map { id in
                let matched = index.matching(names[id])?.positions().map { Int32($0) } ?? [Int32(id)]
                return matched.isEmpty ? [Int32(id)] : matched
            }
        }
    }

    let companies: Text
    let locations: Text
    let roles: Linked
    /// Filled in by the repository once the knowledge is built (beside the job index).
    var skills = Linked.none
    var tools = Linked.none

    /// Values that each link to a set of jobs (roles, entities): per value its id, label and job
    /// positions; per job its values' indexes as `list[start[p]..<start[p + 1]]`.
    struct Linked: Sendable {
        let ids: [String]
        let labels: [String]
        let jobs: [[Int32]]
        let start: [Int32]
        let list: [Int32]
        /// Per value, its jobs among all (the counts of an unfiltered request, as `Text.totals`).
        let totals: [Int]
        private let indexOfID: [String: Int]

        static let none = Linked(values: [], jobCount: 0)

        /// `values`: id, label and job positions; those without jobs are left out, the rest kept by id.
        init(values: [(id: String, label: String, jobs: [Int32])], jobCount: Int) {
            let linked = values.filter { !$0.jobs.isEmpty }.sorted { $0.id < $1.id }
            var perJob = [[Int32]](repeating: [], count: jobCount)
            for (index, value) in linked.enumerated() {
                for position in value.jobs { perJob[Int(position)].append(Int32(index)) }
            }
            var start: [Int32] = [0]
            start.reserveCapacity(jobCount + 1)
            var list: [Int32] = []
            var totals = [Int](repeating: 0, count: linked.count)
            for entries in perJob {
                list += entries
                start.append(Int32(list.count))
                for index in entries { totals[Int(index)] += 1 }
            }
            self.totals = totals
            (ids, labels, jobs, self.start, self.list) = (linked.map(\.id), linked.map(\.label), linked.map(\.jobs), start, list)
            indexOfID = Dictionary(linked.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// The jobs linked to a value id (none for an id without jobs).
        func set(of id: String, count: Int) -> Bitset {
            var set = Bitset(count: count)
            for position in indexOfID[id].map({ jobs[$0] }) ?? [] { set.insert(Int(position)) }
            return set
        }
    }

    /// `roleJobs`: per role (in `roles` order), its job positions.
    init(companies: Text, locations: Text, roles: [Role], roleJobs: [[Int32]], jobCount: Int) {
        (self.companies, self.locations) = (companies, locations)
        self.roles = Linked(values: roles.indices.map { (roles[$0].id, roles[$0].title, roleJobs[$0]) }, jobCount: jobCount)
    }
}

extension JobIndex {
    /// Counts of each asked facet under `filter`, each with its own filter lifted; values by count
    /// (descending) then value, at most `limit` per facet.
    func facets(_ filter: JobFilter, scope: Scope, asked: [JobFacet], limit: Int) -> [(JobFacet, [FacetValue])] {
        // Facets whose filter is not set share the plain mask.
        var plain: Bitset??
        func plainMask() -> Bitset? {
            if let plain { return plain }
            let mask = mask(filter, scope: scope)
            plain = .some(mask)
            return mask
        }
        return asked.map { facet in
            let mask = isFiltered(facet, filter, scope: scope) ? mask(filter, scope: scope, lifting: facet) : plainMask()
            return (facet, top(count(facet, mask), limit: limit))
        }
    }

    private func isFiltered(_ facet: JobFacet, _ filter: JobFilter, scope: Scope) -> Bool {
        switch facet {
        case .level: filter.level != nil
        case .employmentType: filter.employmentType != nil
        case .workplace: filter.workplace != nil
        // Salary bounds without a currency restrict to USD, which lifting the currency undoes.
        case .currency: filter.currency != nil || filter.salaryMin != nil || filter.salaryMax != nil
        case .company: filter.company != nil
        case .location: filter.location != nil
        case .role: scope.role != nil
        case .skill: scope.skill != nil
        case .tool: scope.tool != nil
        }
    }

    private func count(_ facet: JobFacet, _ mask: Bitset?) -> [FacetValue] {
        func counts<Key>(_ sets: [Key: Bitset], _ name: (Key) -> String) -> [FacetValue] {
            sets.map { key, set in FacetValue(value: name(key), count: mask.map { set.intersectionCount($0) } ?? set.cardinality) }
        }
        switch facet {
        case .level: return counts(levels) { $0.rawValue }
        case .employmentType: return counts(types) { $0.rawValue }
        case .workplace: return counts(workplaces) { $0.rawValue }
        case .currency: return counts(currencies) { $0 }
        case .company: return textCounts(facetValues.companies, mask)
        case .location: return textCounts(facetValues.locations, mask)
        case .role: return linkedCounts(facetValues.roles, mask)
        case .skill: return linkedCounts(facetValues.skills, mask)
        case .tool: return linkedCounts(facetValues.tools, mask)
        }
    }

    private func linkedCounts(_ values: FacetValues.Linked, _ mask: Bitset?) -> [FacetValue] {
        var exact = values.totals
        if let mask {
            exact = [Int](repeating: 0, count: values.ids.count)
            mask.forEach { position in
                for index in Int(values.start[position])..<Int(values.start[position + 1]) { exact[Int(values.list[index])] += 1 }
            }
        }
        return exact.indices.map { FacetValue(value: values.ids[$0], label: values.labels[$0], count: exact[$0]) }
    }

    private func textCounts(_ text: FacetValues.Text, _ mask: Bitset?) -> [FacetValue] {
        var exact = text.totals
        if let mask {
            exact = [Int](repeating: 0, count: text.names.count)
            mask.forEach { position in
                let id = text.ids[position]
                if id >= 0 { exact[Int(id)] += 1 }
            }
        }
        return text.names.indices.map { id in
            let closure = text.closure[id]
            let total = closure.count == 1 ? exact[Int(closure[0])] : closure.reduce(0) { $0 + exact[Int($1)] }
            return FacetValue(value: text.names[id], count: total)
        }
    }

    /// The `limit` largest counts (zero left out), by count then value.
    private func top(_ values: [FacetValue], limit: Int) -> [FacetValue] {
        func before(_ a: FacetValue, _ b: FacetValue) -> Bool { a.count != b.count ? a.count > b.count : a.value < b.value }
        var kept: [FacetValue] = []
        for value in values where value.count > 0 {
            if kept.count == limit, let last = kept.last, !before(value, last) { continue }
            let at = kept.firstIndex { before(value, $0) } ?? kept.count
            kept.insert(value, at: at)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }
}

extension Bitset {
    /// |self ∩ other| without building the intersection.
    func intersectionCount(_ other: Bitset) -> Int {
        var total = 0
        for index in words.indices { total += (words[index] & other.words[index]).nonzeroBitCount }
        return total
    }

    /// Calls `body` with each position in ascending order.
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                body(index << 6 | remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
    }
}

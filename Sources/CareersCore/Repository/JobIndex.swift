/// Everything `GET /jobs` filters and sorts on, computed once per repository: one permutation per
/// sort key (with each job's rank in it), bitsets per level, employment type, workplace and
/// currency, word indexes for text filters, and each role's jobs. A query intersects bitsets, then
/// reads the page off the requested permutation.
struct JobIndex: Sendable {
    let count: Int
    private let orders: [JobSort: [Int32]]
    private let ranks: [JobSort: [Int32]]
    let levels: [JobLevel: Bitset]
    let types: [EmploymentType: Bitset]
    let workplaces: [Workplace: Bitset]
    private let remote: Bitset
    private let notRemote: Bitset
    let currencies: [String: Bitset]
    private let plausible: Bitset
    private let annualMin: [Double]
    private let annualMax: [Double]
    private let text: WordIndex
    private let companies: WordIndex
    private let locations: WordIndex
    /// Each role's jobs (by role position), in `/jobs?role=` order.
    let roleJobs: JobRoles
    /// Each job's title as a role key (" senior data scientist "), to match role phrases.
    private let titleKeys: [String]
    /// What the company, location and role facets count by (see `JobFacets`).
    var facetValues: FacetValues

    /// What the index needs that depends on the jobs alone: bitsets, sort orders, word indexes,
    /// title keys and the company and location facet values. It is built while the roles are
    /// still merging (the longer half of the merge), so only the role links wait for them.
    struct Groundwork: Sendable {
        fileprivate let count: Int
        fileprivate let orders: [JobSort: [Int32]]
        fileprivate let ranks: [JobSort: [Int32]]
        fileprivate let levels: [JobLevel: Bitset]
        fileprivate let types: [EmploymentType: Bitset]
        fileprivate let workplaces: [Workplace: Bitset]
        fileprivate let remote: Bitset
        fileprivate let notRemote: Bitset
        fileprivate let currencies: [String: Bitset]
        fileprivate let plausible: Bitset
        fileprivate let annualMin: [Double]
        fileprivate let annualMax: [Double]
        fileprivate let text: WordIndex
        fileprivate let companies: WordIndex
        fileprivate let locations: WordIndex
        /// Each job's title as a role key (`RoleNames.key`), as written, and folded.
        fileprivate let titleKeys: [String]
        fileprivate let writtenTitles: [String]
        fileprivate let foldedTitles: [String]
        fileprivate let companyValues: FacetValues.Text
        fileprivate let locationValues: FacetValues.Text

        /// `folded` holds each job's folded title, company and location (same order as `jobs`).
        init(jobs: [Job], folded: [FoldedJobFields]) {
            count = jobs.count
            var levels: [JobLevel: Bitset] = [:]
            var types: [EmploymentType: Bitset] = [:]
            var workplaces: [Workplace: Bitset] = [:]
            var currencies: [String: Bitset] = [:]
            var remote = Bitset(count: count)
            var notRemote = Bitset(count: count)
            var plausible = Bitset(count: count)
            var annualMin = [Double](repeating: 0, count: count)
            var annualMax = [Double](repeating: 0, count: count)
            var currencyCodes = [String](repeating: "", count: count)
            for position in jobs.indices {
                // The posting is copied out, not the whole job: each copy retains every string it holds.
                let posting = jobs[position].posting
                if let level = posting.level { levels[level, default: Bitset(count: count)].insert(position) }
                for type in posting.employmentTypes { types[type, default: Bitset(count: count)].insert(position) }
                if jobs[position].remote { remote.insert(position) } else { notRemote.insert(position) }
                workplaces[jobs[position].workplace, default: Bitset(count: count)].insert(position)
                if let salary = posting.salary {
                    let currency = salary.currency.uppercased()
                    currencies[currency, default: Bitset(count: count)].insert(position)
                    currencyCodes[position] = currency
                    if salary.plausible {
                        plausible.insert(position)
                        annualMin[position] = salary.annualMin
                        annualMax[position] = salary.annualMax
                    }
                }
            }
            (self.levels, self.types, self.workplaces, self.currencies) = (levels, types, workplaces, currencies)
            (self.remote, self.notRemote, self.plausible) = (remote, notRemote, plausible)
            (self.annualMin, self.annualMax) = (annualMin, annualMax)
            let (plausibleJobs, annualMinima, annualMaxima) = (plausible, annualMin, annualMax)
            writtenTitles = jobs.map(\.posting.title)
            let currencyRanks = JobIndex.currencyRanks(currencyCodes)
            // Each field was folded once by the merge and is shared by the word indexes and the sort keys.
            let titles = folded.map(\.title)
            let companyKeys = folded.map(\.company)
            let locationKeys = folded.map(\.location)
            let firstSeen = jobs.map { $0.firstSeen ?? "" }
            let (companyDisplay, locationDisplay) = (jobs.map(\.posting.company), jobs.map(\.posting.location))
            foldedTitles = titles
            // The word indexes and the sort work are independent: built side by side.
            let (indexed, ordered) = Parallel.both({
                let titleKeys = titles.map { RoleNames.key(folded: $0) }
                let text = WordIndex(fields: [titles, companyKeys, locationKeys])
                return (text, titleKeys, FacetValues.Text(keys: companyKeys, display: companyDisplay))
            }, {
                let orders = JobIndex.orders(
                    titles: titles, companyKeys: companyKeys, firstSeen: firstSeen, plausible: plausibleJobs,
                    currencyRanks: currencyRanks, annualMin: annualMinima, annualMax: annualMaxima)
                return (
                    WordIndex(fields: [companyKeys]), WordIndex(fields: [locationKeys]), orders,
                    FacetValues.Text(keys: locationKeys, display: locationDisplay)
                )
            })
            (text, titleKeys, companyValues) = indexed
            (companies, locations, orders, locationValues) = ordered
            var ranks: [JobSort: [Int32]] = [:]
            for (sort, order) in orders {
                var rank = [Int32](repeating: 0, count: count)
                for (index, position) in order.enumerated() { rank[Int(position)] = Int32(index) }
                ranks[sort] = rank
            }
            self.ranks = ranks
        }
    }

    /// Completes `groundwork` with each role's jobs; `featured` gives the positions of the roles
    /// of the articles featuring each job. Sets each job's `roles`.
    init(_ groundwork: Groundwork, jobs: inout [Job], roles: [Role], featured: [[Int]]) {
        count = groundwork.count
        (orders, ranks) = (groundwork.orders, groundwork.ranks)
        (levels, types, workplaces, currencies) = (groundwork.levels, groundwork.types, groundwork.workplaces, groundwork.currencies)
        (remote, notRemote, plausible) = (groundwork.remote, groundwork.notRemote, groundwork.plausible)
        (annualMin, annualMax) = (groundwork.annualMin, groundwork.annualMax)
        (text, companies, locations) = (groundwork.text, groundwork.companies, groundwork.locations)
        let (roleJobs, links) = JobRoles.build(
            titleKeys: groundwork.titleKeys, titles: groundwork.writtenTitles, foldedTitles: groundwork.foldedTitles, roles: roles,
            featured: featured)
        self.roleJobs = roleJobs
        titleKeys = groundwork.titleKeys.map { " " + $0 + " " }
        for position in jobs.indices { jobs[position].roles = links[position] }
        facetValues = FacetValues(
            companies: groundwork.companyValues, locations: groundwork.locationValues, roles: roles, roleJobs: roleJobs.ordered,
            jobCount: count)
    }

    /// Salaries compare only within one currency, so salary sorts group by currency: the default
    /// one (USD) first, then the others alphabetically, each group by amount; a `currency`
    /// filter leaves one group. Without this, EUR 100K and USD 100K sorted as equals.
    private static func currencyRanks(_ codes: [String]) -> [Int32] {
        let others = Set(codes).subtracting(["", JobFilter.defaultSalaryCurrency]).sorted()
        var rankOf: [String: Int32] = [JobFilter.defaultSalaryCurrency: 0]
        for (index, code) in others.enumerated() { rankOf[code] = Int32(index + 1) }
        return codes.map { rankOf[$0] ?? Int32.max }
    }

    /// One permutation of the job positions per sort key.
    private static func orders(
        titles: [String], companyKeys: [String], firstSeen: [String], plausible: Bitset, currencyRanks: [Int32], annualMin: [Double],
        annualMax: [Double]
    ) -> [JobSort: [Int32]] {
        let identity = (0..<titles.count).map { Int32($0) }
        // Jobs are stored in id order, so position breaks every tie by id.
        var orders: [JobSort: [Int32]] = [:]
        // Texts sort as their ranks among the distinct texts: integer compares instead of string
        // compares (a job title repeats across many jobs). No company sorts last.
        let titleRanks = ranks(of: titles)
        let companyRanks = ranks(of: companyKeys)
        orders[.title] = identity.sorted { (titleRanks[Int($0)], $0) < (titleRanks[Int($1)], $1) }
        orders[.company] = identity.sorted {
            let (lhs, rhs) = (companyKeys[Int($0)].isEmpty, companyKeys[Int($1)].isEmpty)
            if lhs != rhs { return rhs }
            return (companyRanks[Int($0)], $0) < (companyRanks[Int($1)], $1)
        }
        // Dates (yyyy-MM-dd, "" for none) order as strings; undated jobs last either way.
        let dateRanks = ranks(of: firstSeen)
        for (sort, newestFirst) in [(JobSort.dateDesc, true), (.dateAsc, false)] {
            orders[sort] = identity.sorted {
                let (lhs, rhs) = (firstSeen[Int($0)].isEmpty, firstSeen[Int($1)].isEmpty)
                if lhs != rhs { return rhs }
                let (a, b) = (dateRanks[Int($0)], dateRanks[Int($1)])
                return a != b ? (a > b) == newestFirst : $0 < $1
            }
        }
        orders[.salaryDesc] = identity.sorted {
            let (lhs, rhs) = (plausible.contains(Int($0)), plausible.contains(Int($1)))
            if lhs != rhs { return lhs }
            let (x, y) = (currencyRanks[Int($0)], currencyRanks[Int($1)])
            if x != y { return x < y }
            let (a, b) = (annualMax[Int($0)], annualMax[Int($1)])
            return a != b ? a > b : $0 < $1
        }
        orders[.salaryAsc] = identity.sorted {
            let (lhs, rhs) = (plausible.contains(Int($0)), plausible.contains(Int($1)))
            if lhs != rhs { return lhs }
            let (x, y) = (currencyRanks[Int($0)], currencyRanks[Int($1)])
            if x != y { return x < y }
            let (a, b) = (annualMin[Int($0)], annualMin[Int($1)])
            return a != b ? a < b : $0 < $1
        }
        return orders
    }

    /// Each text's position among the distinct texts in `<` order; equal texts share one.
    private static func ranks(of texts: [String]) -> [Int32] {
        var ids: [String: Int32] = [:]
        var distinct: [String] = []
        let firstIDs = texts.map { text -> Int32 in
            if let id = ids[text] { return id }
            let id = Int32(distinct.count)
            ids[text] = id
            distinct.append(text)
            return id
        }
        var rankOfID = [Int32](repeating: 0, count: distinct.count)
        for (rank, id) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() { rankOfID[id] = Int32(rank) }
        return firstIDs.map { rankOfID[Int($0)] }
    }

    /// The page of `order` (all of it, or the part in `mask`) from `start`, with the total.
    private static func page(of order: [Int32], within mask: Bitset?, start: Int, limit: Int) -> (total: Int, positions: [Int]) {
        guard let mask else {
            let end = min(order.count, start + max(0, limit))
            return (order.count, start < end ? order[start..<end].map { Int($0) } : [])
        }
        var page: [Int] = []
        var total = 0
        for position in order where mask.contains(Int(position)) {
            if total >= start && page.count < limit { page.append(Int(position)) }
            total += 1
        }
        return (total, page)
    }

    /// Jobs whose title contains `phrase` as whole words in order ("data engineer" matches "Lead
    /// Data Engineer", not "Data Platform Engineering"): candidates from the word index, then checked.
    func titlePhrase(_ phrase: String) -> Bitset {
        let key = RoleNames.key(phrase)
        var result = Bitset(count: count)
        guard let candidates = text.matching(key, wholeWords: true) else { return result }
        for position in candidates.positions() where TextKey.contains(titleKeys[position], " " + key + " ") {
            result.insert(position)
        }
        return result
    }

    /// The jobs a role filter keeps: a known role's, in its listing order, or a set (a phrase).
    enum RoleScope {
        case ordered([Int32])
        case set(Bitset)
    }

    /// What the filters naming a role, a skill or a tool resolved to (nil: not filtered).
    struct Scope {
        var role: RoleScope?
        var skill: Bitset?
        var tool: Bitset?
    }

    /// The jobs matching `filter` (nil: all of them), with one facet's own filter lifted when
    /// asked. Lifting `currency` lets salary bounds compare within each job's own currency, so
    /// each currency counts what filtering by it would return. A role scope restricts as a set.
    func mask(_ filter: JobFilter, scope: Scope, lifting facet: JobFacet? = nil) -> Bitset? {
        var mask: Bitset?
        func restrict(_ set: Bitset?) {
            guard let set else { return }
            if var current = mask {
                current.formIntersection(set)
                mask = current
            } else {
                mask = set
            }
        }
        let empty = Bitset(count: count)
        if let level = filter.level, facet != .level { restrict(levels[level] ?? empty) }
        if let type = filter.employmentType, facet != .employmentType { restrict(types[type] ?? empty) }
        if let workplace = filter.workplace, facet != .workplace { restrict(workplaces[workplace] ?? empty) }
        if let isRemote = filter.remote { restrict(isRemote ? remote : notRemote) }
        if let currency = filter.currency, facet != .currency { restrict(currencies[currency.uppercased()] ?? empty) }
        if let query = filter.query { restrict(text.matching(query)) }
        if let company = filter.company, facet != .company { restrict(companies.matching(company)) }
        if let location = filter.location, facet != .location { restrict(locations.matching(location)) }
        if facet != .skill { restrict(scope.skill) }
        if facet != .tool { restrict(scope.tool) }
        if facet != .role {
            switch scope.role {
            case .set(let set)?: restrict(set)
            case .ordered(let list)?:
                var set = Bitset(count: count)
                for position in list { set.insert(Int(position)) }
                restrict(set)
            case nil: break
            }
        }
        if filter.salaryMin != nil || filter.salaryMax != nil {
            // Amounts compare only within one currency: the one asked for, else USD.
            if filter.currency == nil, facet != .currency { restrict(currencies[JobFilter.defaultSalaryCurrency] ?? empty) }
            var inRange = Bitset(count: count)
            for position in (mask ?? plausible).positions() where plausible.contains(position) {
                if let low = filter.salaryMin, annualMax[position] < low { continue }
                if let high = filter.salaryMax, annualMin[position] > high { continue }
                inRange.insert(position)
            }
            mask = inRange
        }
        return mask
    }

    /// Positions of the jobs matching `filter`, the requested page of them in `sort` order (a
    /// known role's listing order when `role` is one and no sort is asked).
    func search(_ filter: JobFilter, scope: Scope, sort: JobSort?, offset: Int, limit: Int) -> (total: Int, positions: [Int]) {
        var roleOrder: [Int32]?
        if case .ordered(let list)? = scope.role, sort == nil { roleOrder = list }
        // With a role order, the role's own list is walked: the mask need not hold the role.
        var masked = scope
        if roleOrder != nil { masked.role = nil }
        let mask = mask(filter, scope: masked)
        let start = max(0, offset)
        if let roleOrder { return Self.page(of: roleOrder, within: mask, start: start, limit: limit) }
        let total = mask?.cardinality ?? count
        guard start < total, limit > 0 else { return (total, []) }
        let end = min(total, start + limit)
        let order = sort.flatMap { orders[$0] }
        guard let mask else {
            return (total, order.map { $0[start..<end].map { Int($0) } } ?? Array(start..<end))
        }
        // Few matches: sort them by rank. Many: walk the precomputed order until the page is full.
        if total * 32 < count {
            var matches = mask.positions()
            if let sort, let rank = ranks[sort] { matches.sort { rank[$0] < rank[$1] } }
            return (total, Array(matches[start..<end]))
        }
        var page: [Int] = []
        var seen = 0
        for index in 0..<count {
            let position = order.map { Int($0[index]) } ?? index
            guard mask.contains(position) else { continue }
            if seen >= start { page.append(position) }
            seen += 1
            if seen == end { break }
        }
        return (total, page)
    }
}

/// One job per posting across articles: the same title, company and location (normalised) are one
/// job, whose id is a hash of exactly that, so it is the same on every restart and replica.
enum JobMerger {
    static func merge(_ articles: [Article], extra: [SourcedPosting] = []) -> [Job] {
        var jobs: [Job] = []
        var positions: [String: Int] = [:]
        var keysByID: [String: String] = [:]
        let sourced = articles.flatMap { article in article.jobs.map { SourcedPosting(source: article.id, posting: $0) } } + extra
        for item in sourced {
            let (source, posting) = (item.source, item.posting)
            let key = contentKey(posting)
            if let position = positions[key] {
                appendSources([source], to: &jobs[position].sources)
                continue
            }
            var id = TextKey.hex(TextKey.fnv1a64(key))
            // A 64-bit collision between different postings is astronomically unlikely; if it
            // happens, the later key (in article id order) gets a suffix instead of a merge.
            while let other = keysByID[id], other != key { id += "x" }
            keysByID[id] = key
            let workplace = workplace(of: posting.location)
            positions[key] = jobs.count
            jobs.append(Job(id: id, posting: posting, remote: workplace == .remote, sources: [source], workplace: workplace))
        }
        // Sorting positions, not the (large) Job values.
        return jobs.indices.sorted { jobs[$0].id < jobs[$1].id }.map { jobs[$0] }
    }

    static func contentKey(_ posting: JobPosting) -> String {
        [posting.title, posting.company ?? "", posting.location ?? ""].map(TextKey.fold).joined(separator: "|")
    }

    static func workplace(of location: String?) -> Workplace {
        let folded = " " + TextKey.fold(location ?? "") + " "
        if TextKey.contains(folded, " hybrid ") { return .hybrid }
        if [" remote ", " anywhere ", " work from home "].contains(where: { TextKey.contains(folded, $0) }) { return .remote }
        return .onsite
    }
}

/// A job's title, company and location folded once during the merge, for the indexes to reuse.
struct FoldedJobFields: Sendable {
    var title: String
    var company: String
    var location: String
}

/// One job per posting across articles: the same title, company and location (normalised) are one
/// job, whose id is a hash of exactly that, so it is the same on every restart and replica.
enum JobMerger {
    /// The jobs in id order, with their fields folded (same order).
    static func merge(_ articles: [Article], extra: [SourcedPosting] = []) -> (jobs: [Job], folded: [FoldedJobFields]) {
        var jobs: [Job] = []
        var folded: [FoldedJobFields] = []
        var hashes: [UInt64] = []
        var positions: [String: Int] = [:]
        var keysByID: [String: String] = [:]
        func add(_ posting: JobPosting, source: String, published: String?) {
            let fields = FoldedJobFields(
                title: TextKey.fold(posting.title), company: TextKey.fold(posting.company ?? ""),
                location: TextKey.fold(posting.location ?? ""))
            let key = contentKey(fields)
            if let position = positions[key] {
                appendSources([source], to: &jobs[position].sources)
                jobs[position].seen(on: published)
                return
            }
            let hash = TextKey.fnv1a64(key)
            var id = TextKey.hex(hash)
            // A 64-bit collision between different postings is astronomically unlikely; if it
            // happens, the later key (in article id order) gets a suffix instead of a merge.
            while let other = keysByID[id], other != key { id += "x" }
            keysByID[id] = key
            let workplace = workplace(folded: fields.location)
            positions[key] = jobs.count
            var job = Job(id: id, posting: posting, remote: workplace == .remote, sources: [source], workplace: workplace)
            job.seen(on: published)
            jobs.append(job)
            folded.append(fields)
            hashes.append(hash)
        }
        for article in articles {
            for posting in article.jobs { add(posting, source: article.id, published: article.published) }
        }
        for item in extra { add(item.posting, source: item.source, published: nil) }
        // Sorting positions, not the (large) Job values. An id is its hash in 16 hex digits (plus
        // a rare collision suffix), so comparing hashes first orders ids as comparing them would.
        let order = jobs.indices.sorted { lhs, rhs in
            hashes[lhs] != hashes[rhs] ? hashes[lhs] < hashes[rhs] : jobs[lhs].id < jobs[rhs].id
        }
        permute(&jobs, &folded, by: order)
        return (jobs, folded)
    }

    /// Puts `first[order[i]]` (and `second[order[i]]`) at i, by swapping along the permutation's
    /// cycles: no copy of the jobs (a copy retains every string of every job).
    private static func permute(_ first: inout [Job], _ second: inout [FoldedJobFields], by order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var target = start
            while true {
                placed[target] = true
                let source = order[target]
                if source == start || placed[source] { break }
                // On the buffers: moves without retaining each field of the swapped values.
                first.withUnsafeMutableBufferPointer { $0.swapAt(target, source) }
                second.withUnsafeMutableBufferPointer { $0.swapAt(target, source) }
                target = source
            }
        }
    }

    private static func contentKey(_ fields: FoldedJobFields) -> String {
        fields.title + "|" + fields.company + "|" + fields.location
    }

    private static func workplace(folded location: String) -> Workplace {
        let folded = " " + location + " "
        if TextKey.contains(folded, " hybrid ") { return .hybrid }
        if [" remote ", " anywhere ", " work from home "].contains(where: { TextKey.contains(folded, $0) }) { return .remote }
        return .onsite
    }
}

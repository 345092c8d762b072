/// Featured Job blocks: found before the layout is read and taken out of the body, so each of
/// their lines is `.jobBlock` and `JobParser` reads them. Blocks usually close the article but may
/// sit anywhere (before Definitions, between sections): each block is taken out and the body goes
/// on after it, so no section after a block is lost.
struct JobBlockRule {
    let lines: [ArticleLine]
    let roles: ArticleRoles
    /// Each line's `parseMeta`, filled in as block finding asks, so no line is parsed twice.
    private(set) var knownMeta: [JobParser.KnownMeta]

    init(lines: [ArticleLine], roles: ArticleRoles) {
        self.lines = lines
        self.roles = roles
        knownMeta = Array(repeating: .unknown, count: lines.count)
    }

    /// The body's line indices and the job postings' lines. The body ends at `stop` (site
    /// furniture such as "Salary Insights"), but postings are looked for to the end of the file:
    /// a page may put its salary links above the Featured Jobs.
    mutating func split(before stop: Int) -> (body: [Int], jobs: [Int]) {
        var body: [Int] = []
        var jobs: [Int] = []
        var lastBlockEnd: Int?
        var index = 1
        while index < lines.endIndex {
            if isBlockStart(at: index, before: lines.endIndex) {
                let end = blockEnd(from: index, before: lines.endIndex)
                // Past the furniture only whole postings count: a block with its "Full Time …"
                // line, not a related link that happens to sit above an "@ …" line.
                if index < stop || (index..<end).contains(where: { hasMeta(at: $0) }) {
                    jobs += index..<end
                    if index < stop { lastBlockEnd = end }
                }
                index = end
            } else {
                if index < stop { body.append(index) }
                index += 1
            }
        }
        // After the last block, lines with nothing of an article (site furniture no stop marker
        // caught: "Apply now", "Share") stay with the postings, as when the postings ended the body.
        if let lastBlockEnd, let tail = body.firstIndex(where: { $0 >= lastBlockEnd }),
            !body[tail...].contains(where: { readsLikeArticle(lines[$0]) }) {
            jobs += body[tail...]
            body.removeSubrange(tail...)
        }
        return (body, jobs)
    }

    /// A posting starts at a "Featured Job" marker, at the title line above "@ company | location",
    /// or at postings that lost their line breaks ("Title @ Company | Place Full Time … USD …").
    private func isBlockStart(at index: Int, before stop: Int) -> Bool {
        let line = lines[index]
        if LinePatterns.isFeaturedJobMarker(folded: line.folded) { return true }
        let nextIsCompanyLine = index + 1 < stop && LinePatterns.isCompanyLine(lines[index + 1].text)
        // This runs for every body line: most have neither a company line below nor the "|" every
        // one-line posting needs, so they are rejected before `bullet` (which builds the item's
        // String) and before `oneLinePostings`. Same answer as testing in the order below.
        guard nextIsCompanyLine || line.text.containsByte(UInt8(ascii: "|")) else { return false }
        guard !LinePatterns.isBullet(line.text) else { return false }
        if nextIsCompanyLine { return true }
        return JobParser.oneLinePostings(line.text) != nil
    }

    /// The index after the job block starting at `start`: markers, titles, "@" lines, the meta
    /// line right after each "@" line, and one-line postings, in any number.
    private mutating func blockEnd(from start: Int, before stop: Int) -> Int {
        var index = start
        var afterMarker = false
        var awaitingMeta = false
        while index < stop {
            let line = lines[index]
            if LinePatterns.isFeaturedJobMarker(folded: line.folded) {
                (afterMarker, awaitingMeta) = (true, false)
            } else if LinePatterns.isCompanyLine(line.text) {
                (afterMarker, awaitingMeta) = (false, true)
            } else if awaitingMeta, hasMeta(at: index) {
                // "Full Time Senior-level / Expert USD 120K - 150K", maybe with the next title glued on.
                awaitingMeta = false
            } else if afterMarker || isBlockStart(at: index, before: stop) {
                (afterMarker, awaitingMeta) = (false, false)
            } else {
                return index
            }
            index += 1
        }
        return stop
    }

    /// Whether `lines[index]` parses as a meta line, parsing it only the first time it is asked.
    private mutating func hasMeta(at index: Int) -> Bool {
        if case .unknown = knownMeta[index] { knownMeta[index] = JobParser.KnownMeta(JobParser.parseMeta(Substring(lines[index].text))) }
        if case .present = knownMeta[index] { return true }
        return false
    }

    /// Whether a line after the postings is still the article's: a list item, a heading, a role
    /// line or a sentence of some length (the closing paragraph).
    private func readsLikeArticle(_ line: ArticleLine) -> Bool {
        if case .item? = LinePatterns.bullet(line.text) { return true }
        let words = LinePatterns.wordCount(line.text)
        if words >= 8 && LinePatterns.endsSentence(line.text) { return true }
        if roles.exactRole(line) != nil { return true }
        return words <= 8 && LinePatterns.sectionKind(inFolded: line.folded) != nil
    }
}

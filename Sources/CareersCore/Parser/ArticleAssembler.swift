/// Reads an article's lines in order, keeping track of the section and the role it is in, and
/// builds the `Article`. Each line is classified once (heading, bullet, role line, labelled role
/// line, lead-in sentence or prose), so the cost is linear in the article's length.
struct ArticleAssembler {
    let id: String
    let fileName: String
    let lines: [ArticleLine]
    private(set) var roles: [String]
    private var matcher: RoleMatcher
    private var sections: [SectionDraft] = []
    private var headerDone = false
    private var subtitle: String?
    private var readingMinutes: Int?
    private var byline: String?
    private var published: String?
    private var intro: [String] = []
    private var trailingConclusion: [String] = []
    private var currentRole: Int?
    /// In the role-first layout (role line, then "Responsibilities", "Skills" under it), the role
    /// every following per-role heading belongs to, until another role line.
    private var outerRole: Int?
    /// The role a Definitions paragraph that names none continues ("They also …").
    private var lastDefinedRole: Int?
    private var pendingBullet = false
    /// Where the last list item went (section, role block or nil for shared), while the line after
    /// it may still continue it.
    private var lastItem: (section: Int, block: Int?)?
    private var titleFolded = ""
    /// `matcher.exactRole(folded:)` per line index once known (nil: not asked yet). `read` asks up
    /// to three times for one line, and the answer depends on the line and the roles only.
    private var lineRoles: [Int??]

    init(id: String, fileName: String, lines: [ArticleLine]) {
        self.id = id
        self.fileName = fileName
        self.lines = lines
        self.lineRoles = Array(repeating: nil, count: lines.count)
        let title = lines.first?.text ?? ""
        var titleRoles = RoleNames.rolesFromTitle(title)
        if titleRoles.isEmpty { titleRoles = ArticleAssembler.rolesNamedInBody(RoleNames.rolesFromTitle(title, allowOr: true), lines) }
        // "Data Platform Engineers vs. …": a profile is one role, titled in the singular (its key
        // already is, so matching in the body is unchanged).
        self.roles = (titleRoles.isEmpty ? ArticleAssembler.rolesFromLabels(lines) : titleRoles).map(RoleNames.singularTitle)
        self.matcher = RoleMatcher(titles: roles)
    }

    /// "Data Scientist or Data Analyst": the parts are roles only if each is also a line of its
    /// own or a label in the body.
    private static func rolesNamedInBody(_ candidates: [String], _ lines: [ArticleLine]) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let matcher = RoleMatcher(titles: candidates)
        var seen = Set<Int>()
        for line in lines.dropFirst().prefix(400) {
            if let role = matcher.exactRole(folded: line.folded) { seen.insert(role) }
            if let (label, _) = LinePatterns.label(line.text), let role = matcher.exactRole(label) { seen.insert(role) }
        }
        return seen.count == candidates.count ? candidates : []
    }

    /// Without "X vs. Y" in the title, the roles are those defined as "X: A X is …".
    private static func rolesFromLabels(_ lines: [ArticleLine]) -> [String] {
        var found: [String] = []
        for line in lines.prefix(400) {
            guard let (label, text) = LinePatterns.label(line.text), LinePatterns.wordCount(label) <= 6 else { continue }
            let key = RoleNames.key(label)
            let textKey = " " + RoleNames.key(text) + " "
            if TextKey.contains(textKey, " " + key + " "), !found.contains(where: { RoleNames.key($0) == key }) { found.append(label) }
            if found.count == 5 { break }
        }
        return found.count >= 2 ? found : []
    }

    mutating func assemble() throws(ArticleRejection) -> Article {
        guard let titleLine = lines.first else { throw ArticleRejection(file: fileName, reason: "empty file") }
        let title = titleLine.text
        guard title.count <= 300, LinePatterns.bullet(title) == nil else {
            throw ArticleRejection(file: fileName, reason: "no recognisable article structure: first line is not a title", line: titleLine.number)
        }
        let stop = lines.indices.dropFirst().first { LinePatterns.isStopMarker(folded: lines[$0].folded) } ?? lines.endIndex
        // Each line's `parseMeta`, filled in as block finding asks, so no line is parsed twice.
        var knownMeta = [JobParser.KnownMeta](repeating: .unknown, count: lines.count)
        let (body, jobLines) = splitJobBlocks(before: stop, knownMeta: &knownMeta)
        titleFolded = titleLine.folded
        for (position, index) in body.enumerated() {
            read(at: index, next: position + 1 < body.count ? lines[body[position + 1]] : nil, title: title)
        }
        let jobs = JobParser.parse(jobLines.map { (lines[$0], knownMeta[$0]) })
        guard !sections.isEmpty else {
            throw ArticleRejection(
                file: fileName,
                reason: "no recognisable article structure: no section headings (Definitions, Responsibilities, Required Skills, …)",
                line: lines.count > 1 ? lines[1].number : titleLine.number)
        }
        guard !roles.isEmpty else {
            throw ArticleRejection(file: fileName, reason: "no recognisable article structure: the title names no roles (\"X vs. Y\")", line: titleLine.number)
        }
        return article(title: title, jobs: jobs)
    }

    /// The body's line indices and the job postings' lines. Featured Job blocks usually close the
    /// article, but may sit anywhere (before Definitions, between sections): each block is taken
    /// out and the body goes on after it, so no section after a block is lost. The body ends at
    /// `stop` (site furniture such as "Salary Insights"), but postings are looked for to the end of
    /// the file: a page may put its salary links above the Featured Jobs.
    private func splitJobBlocks(before stop: Int, knownMeta: inout [JobParser.KnownMeta]) -> (body: [Int], jobs: [Int]) {
        var body: [Int] = []
        var jobs: [Int] = []
        var lastBlockEnd: Int?
        var index = 1
        while index < lines.endIndex {
            if isJobBlockStart(at: index, before: lines.endIndex) {
                let end = jobBlockEnd(from: index, before: lines.endIndex, knownMeta: &knownMeta)
                // Past the furniture only whole postings count: a block with its "Full Time …"
                // line, not a related link that happens to sit above an "@ …" line.
                if index < stop || (index..<end).contains(where: { hasMeta(at: $0, &knownMeta) }) {
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
    private func isJobBlockStart(at index: Int, before stop: Int) -> Bool {
        let line = lines[index]
        if LinePatterns.isFeaturedJobMarker(folded: line.folded) { return true }
        let nextIsCompanyLine = index + 1 < stop && LinePatterns.isCompanyLine(lines[index + 1].text)
        // This runs for every body line: most have neither a company line below nor the "|" every
        // one-line posting needs, so they are rejected before `bullet` (which builds the item's
        // String) and before `oneLinePostings`. Same answer as testing in the order below.
        guard nextIsCompanyLine || line.text.utf8.contains(UInt8(ascii: "|")) else { return false }
        guard LinePatterns.bullet(line.text) == nil else { return false }
        if nextIsCompanyLine { return true }
        return JobParser.oneLinePostings(line.text) != nil
    }

    /// The index after the job block starting at `start`: markers, titles, "@" lines, the meta
    /// line right after each "@" line, and one-line postings, in any number.
    private func jobBlockEnd(from start: Int, before stop: Int, knownMeta: inout [JobParser.KnownMeta]) -> Int {
        var index = start
        var afterMarker = false
        var awaitingMeta = false
        while index < stop {
            let line = lines[index]
            if LinePatterns.isFeaturedJobMarker(folded: line.folded) {
                (afterMarker, awaitingMeta) = (true, false)
            } else if LinePatterns.isCompanyLine(line.text) {
                (afterMarker, awaitingMeta) = (false, true)
            } else if awaitingMeta, hasMeta(at: index, &knownMeta) {
                // "Full Time Senior-level / Expert USD 120K - 150K", maybe with the next title glued on.
                awaitingMeta = false
            } else if afterMarker || isJobBlockStart(at: index, before: stop) {
                (afterMarker, awaitingMeta) = (false, false)
            } else {
                return index
            }
            index += 1
        }
        return stop
    }

    /// Whether `lines[index]` parses as a meta line, parsing it only the first time it is asked.
    private func hasMeta(at index: Int, _ knownMeta: inout [JobParser.KnownMeta]) -> Bool {
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
        if matcher.exactRole(folded: line.folded) != nil { return true }
        return words <= 8 && LinePatterns.sectionKind(inFolded: line.folded) != nil
    }

    // MARK: Line classification

    /// In a list, an item that reads like a heading ("5. Education", or "-" then "Education",
    /// among the industries) is an item when its section came already. After a lone marker it is
    /// one too when the list goes on right after it (`listGoesOn`); not after a numbered line,
    /// since "2. Responsibilities" followed by bullets is a numbered heading.
    private func isListItemLikeAHeading(_ line: ArticleLine, next: ArticleLine?, listGoesOn: Bool) -> Bool {
        guard let current = sections.last, current.kind.isPerRoleList || current.kind == .tips,
            let (kind, role) = heading(line, next: next), role == nil
        else { return false }
        if sections.dropLast().contains(where: { $0.kind == kind }) { return true }
        return listGoesOn && (next.map { LinePatterns.bullet($0.text) != nil } ?? false)
    }

    /// `next` is the next line of the body (job blocks between them taken out).
    private mutating func read(at index: Int, next: ArticleLine?, title: String) {
        let line = lines[index]
        let text = line.text
        if let target = lastItem {
            lastItem = nil
            if continuesItem(text, at: target) { return }
        }
        if pendingBullet {
            pendingBullet = false
            // A stray lone marker must not swallow a role line, a heading or another bullet.
            if LinePatterns.bullet(text) == nil, exactRole(at: index) == nil,
                heading(line, next: next) == nil || isListItemLikeAHeading(line, next: next, listGoesOn: true)
            {
                addBullet(text)
                return
            }
        }
        if LinePatterns.isTableOfContents(folded: line.folded) {
            headerDone = true
            return
        }
        // A line that is a role's name is a role line, even when the name contains a section
        // keyword ("Industrial AI Engineer", "Tooling Engineer").
        if !sections.isEmpty || headerDone, let role = exactRole(at: index) {
            enterRole(role)
            // A role line right before a heading is the outer role of a role-first layout, unless
            // it sits in a per-role list (there it is an empty list: "Industries / AI Scientist / Tips").
            let inList = sections.last.map { $0.kind.isPerRoleList } ?? false
            if let next, let (_, nextRole) = heading(next, next: nil), nextRole == nil, !inList || outerRole != nil { outerRole = role }
            return
        }
        if case .item(let item)? = LinePatterns.bullet(text), isListItemLikeAHeading(line, next: next, listGoesOn: false) {
            addBullet(item)
            return
        }
        if let (kind, role) = heading(line, next: next) {
            if let role, sections.last?.kind == kind {
                // "Data Scientist Responsibilities" under "Responsibilities": the same section.
                enterRole(role)
            } else {
                // "2. Responsibilities" is headed "Responsibilities", as without its number.
                var headingText = text
                if case .item(let item)? = LinePatterns.bullet(text) { headingText = item }
                startSection(kind, heading: headingText)
                if let role {
                    enterRole(role)
                } else if let outer = outerRole {
                    if kind.isPerRoleList { enterRole(outer) } else { outerRole = nil }
                }
            }
            headerDone = true
            return
        }
        if sections.isEmpty && !headerDone && readHeaderLine(line, title: title) { return }
        if let bullet = LinePatterns.bullet(text) {
            switch bullet {
            case .lone: pendingBullet = true
            case .item(let item): addBullet(item)
            }
            return
        }
        if let role = exactRole(at: index) {
            enterRole(role)
            return
        }
        if let (label, rest) = LinePatterns.label(text), let role = matcher.exactRole(label) {
            addRoleLabelled(role, rest)
            return
        }
        if LinePatterns.wordCount(text) <= 30, isLeadIn(line, next: next), leadIn(line) { return }
        addProse(text)
    }

    private mutating func exactRole(at index: Int) -> Int? {
        if let known = lineRoles[index] { return known }
        let role = matcher.exactRole(folded: lines[index].folded)
        lineRoles[index] = .some(role)
        return role
    }

    /// "… include:" always; "The responsibilities of a Data Analyst include the following." only
    /// when a list follows and the sentence announces one.
    private func isLeadIn(_ line: ArticleLine, next: ArticleLine?) -> Bool {
        if line.text.hasSuffix(":") { return true }
        guard line.text.hasSuffix("."), let next, LinePatterns.bullet(next.text) != nil else { return false }
        let padded = " " + line.folded + " "
        return [" include ", " includes ", " the following ", " responsible for ", " consist of ", " involve "]
            .contains { TextKey.contains(padded, $0) }
    }

    /// A heading names a section ("Required Skills", "Educational Background", "2. Responsibilities")
    /// and may name a role ("Data Scientist Responsibilities", "Skills of a Data Engineer:").
    private func heading(_ line: ArticleLine, next: ArticleLine?) -> (SectionKind, Int?)? {
        var text = line.text
        var folded = line.folded
        if let bullet = LinePatterns.bullet(text) {
            // "1. Definitions": a numbered heading, not the first item of a numbered list.
            guard case .item(let item) = bullet, text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true,
                LinePatterns.isTitleCase(item), !LinePatterns.continuesNumbering(text, next?.text)
            else { return nil }
            text = item
            folded = TextKey.fold(item)
        }
        guard text.utf8.count <= 120, !LinePatterns.endsSentence(text) else { return nil }
        // A colon is allowed only at the end ("Data Scientist Skills:"); inside, it is a label.
        let utf8 = text.utf8
        let lastNonColon = utf8.lastIndex { $0 != UInt8(ascii: ":") } ?? utf8.startIndex
        if utf8[..<lastNonColon].contains(UInt8(ascii: ":")) { return nil }
        // A lead-in sentence ("The skills of a Data Engineer include:") is not a heading.
        if text.hasSuffix(":"), TextKey.contains(" " + folded + " ", " include ") || TextKey.contains(" " + folded + " ", " includes ") {
            return nil
        }
        let role = matcher.earliestMention(folded: folded)
        // The role's own words must not decide the kind ("Industrial AI Engineer Tools").
        let rest = role.map { matcher.removingMention(of: $0, from: folded) } ?? folded
        let roleWords = role.map { LinePatterns.wordCount(roles[$0]) } ?? 0
        guard LinePatterns.wordCount(text) - roleWords <= 7 else { return nil }
        if role != nil, Self.isRoleActivityHeading(rest) {
            // "What Does a Robotics Engineer Do?" under a list heading heads that role's part of the
            // list; elsewhere it opens the role's duties when a list follows, else its definition.
            if let current = sections.last?.kind, current.isPerRoleList || current == .tips { return (current, role) }
            if let next, LinePatterns.bullet(next.text) != nil { return (.responsibilities, role) }
            if TextKey.contains(" " + rest + " ", " day in the life ") { return (.responsibilities, role) }
            return (.definitions, role)
        }
        if var kind = LinePatterns.sectionKind(inFolded: rest) {
            // "Job Descriptions" over paragraphs ("X: An X is …") describes the roles: definitions.
            if kind == .responsibilities, role == nil, TextKey.contains(" " + rest, " job description"), let next,
                LinePatterns.bullet(next.text) == nil, matcher.exactRole(folded: next.folded) == nil,
                LinePatterns.wordCount(next.text) > 4, next.text.last == "." {
                kind = .definitions
            }
            return (kind, role)
        }
        // Headings this parser has no list for ("Key Differences", "Salary Comparison") still end
        // the section before them, so their bullets do not join the previous role's list.
        guard !sections.isEmpty, role == nil, LinePatterns.isOtherHeading(folded: folded) else { return nil }
        return (.other, nil)
    }

    /// What a role does rather than what it is: "What does a X do?", "What a X Does", "What do Xs
    /// do", "A Day in the Life of a X", with the role's name already removed from `rest`.
    private static func isRoleActivityHeading(_ rest: String) -> Bool {
        if TextKey.contains(" " + rest + " ", " day in the life ") { return true }
        guard rest.hasPrefix("what ") else { return false }
        return rest.hasSuffix(" do") || rest.hasSuffix(" does") || rest.hasSuffix(" do all day") || rest.hasSuffix(" actually do")
    }

    /// The subtitle, the "4 min read · date" line and a repeated title sit above the first section.
    private mutating func readHeaderLine(_ line: ArticleLine, title: String) -> Bool {
        let text = line.text
        let minutes = ArticleHeader.readingMinutes(text)
        let date = LinePatterns.wordCount(text) <= 12 ? ArticleHeader.isoDate(text) : nil
        if minutes != nil || date != nil {
            readingMinutes = readingMinutes ?? minutes
            published = published ?? date
            byline = byline ?? text
            return true
        }
        if line.folded == titleFolded { return true }
        if subtitle == nil && intro.isEmpty && !LinePatterns.endsSentence(text) && text.count <= 200 {
            subtitle = text
            return true
        }
        return false
    }

    private mutating func startSection(_ kind: SectionKind, heading: String) {
        sections.append(SectionDraft(kind: kind, heading: heading))
        currentRole = nil
        lastDefinedRole = nil
        pendingBullet = false
    }

    private mutating func enterRole(_ role: Int) {
        currentRole = role
        if !sections.isEmpty { _ = sections[sections.count - 1].blockIndex(for: roles[role]) }
    }

    /// "The responsibilities of a Data Scientist include:" opens the section and/or the role it names.
    private mutating func leadIn(_ line: ArticleLine) -> Bool {
        let text = line.text
        let folded = line.folded
        let role = matcher.earliestMention(folded: folded)
        let rest = role.map { matcher.removingMention(of: $0, from: folded) } ?? folded
        let kind = LinePatterns.sectionKind(inFolded: rest) ?? LinePatterns.sectionKind(inFolded: rest, leadIn: true)
        guard kind != nil || role != nil else { return false }
        if let kind, sections.last?.kind != kind {
            var heading = Substring(text)
            while heading.last == ":" { heading = heading.dropLast() }
            startSection(kind, heading: String(heading))
        }
        if let role { enterRole(role) }
        return true
    }

    // MARK: Content

    private mutating func addBullet(_ text: String) {
        guard let last = sections.indices.last else {
            intro.append(text)
            return
        }
        if let (label, rest) = LinePatterns.label(text), let role = matcher.exactRole(label) {
            addRoleLabelled(role, rest)
            return
        }
        sections[last].sawItems = true
        let kind = sections[last].kind
        if kind == .definitions {
            addProse(text)
            return
        }
        if kind == .tools, let tools = ToolList.parse(text, source: id) {
            if let role = currentRole {
                let block = sections[last].blockIndex(for: roles[role])
                sections[last].blocks[block].tools += tools
            } else {
                sections[last].tools += tools
            }
            return
        }
        let item = listItem(text)
        if let role = currentRole {
            let block = sections[last].blockIndex(for: roles[role])
            sections[last].blocks[block].items.append(item)
            lastItem = (last, block)
        } else {
            sections[last].shared.append(item)
            lastItem = (last, nil)
        }
    }

    /// A bullet hard-wrapped by its writer: "- Find stories in datasets such as census tables," then
    /// "  court records, and budget documents." The line continues the item when the item does not
    /// end a sentence and the line starts in lower case (a new item or paragraph would not).
    private mutating func continuesItem(_ text: String, at target: (section: Int, block: Int?)) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isLowercase, LinePatterns.bullet(text) == nil,
            target.section < sections.count
        else { return false }
        func extend(_ item: inout ListItem) -> Bool {
            guard let last = item.text.last, !".!?:".contains(last) else { return false }
            item.text += " " + text
            return true
        }
        if let block = target.block {
            guard block < sections[target.section].blocks.count, let index = sections[target.section].blocks[block].items.indices.last
            else { return false }
            guard extend(&sections[target.section].blocks[block].items[index]) else { return false }
        } else {
            guard let index = sections[target.section].shared.indices.last, extend(&sections[target.section].shared[index]) else { return false }
        }
        lastItem = target
        return true
    }

    private func listItem(_ text: String) -> ListItem {
        if let (label, rest) = LinePatterns.label(text) { return ListItem(label: label, text: rest, sources: [id]) }
        return ListItem(text: text, sources: [id])
    }

    /// "Data Scientist: …" — a definition under Definitions, the role's items elsewhere
    /// ("Machine Learning Engineer: Technology, finance, healthcare, …" lists industries).
    private mutating func addRoleLabelled(_ role: Int, _ text: String) {
        if sections.isEmpty { startSection(.definitions, heading: "") }
        guard let last = sections.indices.last else { return }
        let block = sections[last].blockIndex(for: roles[role])
        sections[last].sawItems = true
        if sections[last].kind == .definitions { lastDefinedRole = role }
        switch sections[last].kind {
        case .definitions, .intro, .outlook, .conclusion, .other:
            sections[last].blocks[block].text.append(text)
        case .tools:
            if let tools = ToolList.parse(text, source: id) {
                sections[last].blocks[block].tools += tools
            } else {
                sections[last].blocks[block].items.append(listItem(text))
            }
        case .responsibilities, .skills, .education, .industries, .tips:
            // A comma list keeps "and" inside its items: "Technology and Software Development,
            // Healthcare, and Finance" names three industries, not four.
            let parts = ToolList.split(ToolList.withoutTrailingPeriod(text), andOnlyInLastItem: true)
            if parts.count > 1 && parts.allSatisfy({ LinePatterns.wordCount($0) <= 5 }) {
                sections[last].blocks[block].items += parts.map { ListItem(text: capitalisedFirst($0), sources: [id]) }
            } else {
                sections[last].blocks[block].items.append(listItem(text))
            }
        }
    }

    private func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private mutating func addProse(_ text: String) {
        guard let last = sections.indices.last else {
            intro.append(text)
            return
        }
        let kind = sections[last].kind
        if kind == .definitions && currentRole == nil {
            addProseDefinitions(text)
            return
        }
        if kind == .tips && sections[last].sawItems {
            trailingConclusion.append(text)
            return
        }
        if let role = currentRole {
            let block = sections[last].blockIndex(for: roles[role])
            sections[last].blocks[block].text.append(text)
        } else {
            sections[last].text.append(text)
        }
    }

    /// "A Data Scientist is …. They …. A Data Engineer, on the other hand, …": each sentence goes
    /// to the role it is about, sentences naming none to the role before them (across paragraphs:
    /// "They also …" continues the last definition), unless they speak of both roles.
    private mutating func addProseDefinitions(_ text: String) {
        guard let last = sections.indices.last else { return }
        var groups: [(role: Int?, sentences: [String])] = []
        for sentence in Sentences.split(text).flatMap(roleClauses) {
            let folded = TextKey.fold(sentence)
            let previous = groups.isEmpty ? (Self.speaksOfBothRoles(folded) ? nil : lastDefinedRole) : groups.last?.role
            let role = subjectRole(sentence, folded: folded) ?? previous
            if let index = groups.indices.last, groups[index].role == role {
                groups[index].sentences.append(sentence)
            } else {
                groups.append((role, [sentence]))
            }
        }
        for group in groups {
            let paragraph = group.sentences.joined(separator: " ")
            if let role = group.role {
                let block = sections[last].blockIndex(for: roles[role])
                sections[last].blocks[block].text.append(paragraph)
                lastDefinedRole = role
            } else {
                sections[last].text.append(paragraph)
            }
        }
    }

    /// The role a sentence is about: after an opening subordinate clause ("Unlike a Statistician,
    /// a Data Scientist …", "While Data Scientists …, Data Analysts …") the one after its comma.
    private func subjectRole(_ sentence: String, folded: String) -> Int? {
        let padded = folded + " "
        if Self.subordinateOpenings.contains(where: { padded.hasPrefix($0) }), let comma = sentence.firstIndex(of: ","),
            let role = matcher.earliestMention(in: String(sentence[sentence.index(after: comma)...])) {
            return role
        }
        return matcher.earliestMention(folded: folded)
    }

    /// "A Data Steward curates domains, whereas a Data Governance Manager runs the program.": two
    /// roles defined in one sentence. It is split where a clause (", whereas", ", while", ", but",
    /// ", and", "; ") opens with another role as its subject, so each role gets its own part.
    private func roleClauses(_ sentence: String) -> [String] {
        guard let first = subjectRole(sentence, folded: TextKey.fold(sentence)) else { return [sentence] }
        for separator in Self.clauseSeparators {
            for range in sentence.ranges(of: separator) {
                let tail = sentence[range.upperBound...]
                var foldedTail = TextKey.fold(String(tail.prefix(200)))
                for article in ["a ", "an ", "the "] where foldedTail.hasPrefix(article) { foldedTail.removeFirst(article.count) }
                guard let role = matcher.mentionAtStart(folded: foldedTail), role != first else { continue }
                return [String(sentence[..<range.lowerBound]) + ".", capitalisedFirst(String(tail))]
            }
        }
        return [sentence]
    }

    private static let clauseSeparators = [", whereas ", ", while ", ", whilst ", ", but ", ", and ", "; "]

    private static let subordinateOpenings = [
        "unlike ", "while ", "whereas ", "compared to ", "compared with ", "in contrast to ", "in contrast with ", "like ",
        "as opposed to ", "although ", "though ", "just like ",
    ]

    private static func speaksOfBothRoles(_ folded: String) -> Bool {
        let padded = " " + folded + " "
        return [" both ", " the two roles ", " these roles ", " each role ", " either role "].contains { TextKey.contains(padded, $0) }
    }

    // MARK: Result

    private func article(title: String, jobs: [JobPosting]) -> Article {
        let finished = sections.map(\.section)
        let profiles = roles.map { profile(for: $0, in: finished) }
        let outlook = finished.first { $0.kind == .outlook }.flatMap { section in
            section.text ?? joinedBlockText(section)
        }
        var conclusionParts = finished.filter { $0.kind == .conclusion }.compactMap { $0.text ?? joinedBlockText($0) }
        conclusionParts += trailingConclusion
        var result = Article(
            id: id, fileName: fileName.split(separator: "/").last.map(String.init) ?? fileName, title: title, subtitle: subtitle, readingMinutes: readingMinutes,
            published: published, intro: intro.isEmpty ? nil : intro.joined(separator: "\n\n"), roles: roles,
            profiles: profiles, sections: finished, outlook: outlook,
            conclusion: conclusionParts.isEmpty ? nil : conclusionParts.joined(separator: "\n\n"), jobs: jobs)
        result.byline = byline
        return result
    }

    private func joinedBlockText(_ section: ArticleSection) -> String? {
        let parts = section.roles.compactMap { block in block.text.map { "\(block.role): \($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func profile(for role: String, in sections: [ArticleSection]) -> RoleProfile {
        var profile = RoleProfile(title: role)
        for section in sections {
            for block in section.roles where block.role == role {
                switch section.kind {
                case .definitions: profile.definition = profile.definition ?? block.text
                case .responsibilities: profile.responsibilities += block.items
                case .skills: profile.skills += block.items
                case .education: profile.education += block.items
                case .tools: profile.tools += block.tools
                case .industries: profile.industries += block.items
                case .tips: profile.tips += block.items
                case .outlook: profile.outlook = profile.outlook ?? block.text
                case .intro, .conclusion, .other: break
                }
            }
        }
        return profile
    }
}

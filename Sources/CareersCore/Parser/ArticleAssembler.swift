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
    private var pendingBullet = false
    private var titleFolded = ""

    init(id: String, fileName: String, lines: [ArticleLine]) {
        self.id = id
        self.fileName = fileName
        self.lines = lines
        let titleRoles = RoleNames.rolesFromTitle(lines.first?.text ?? "")
        self.roles = titleRoles.isEmpty ? ArticleAssembler.rolesFromLabels(lines) : titleRoles
        self.matcher = RoleMatcher(titles: roles)
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
        let jobsStart = jobsStartIndex(before: stop)
        titleFolded = titleLine.folded
        for line in lines[1..<jobsStart] { read(line, title: title) }
        let jobs = JobParser.parse(lines[jobsStart..<stop])
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

    /// Where the job postings start: a "Featured Job" marker, or the title line above the first
    /// "@ company | location" line.
    private func jobsStartIndex(before stop: Int) -> Int {
        for index in 1..<max(1, stop) {
            let text = lines[index].text
            if LinePatterns.isFeaturedJobMarker(folded: lines[index].folded) { return index }
            if text.hasPrefix("@ ") && index > 1 && LinePatterns.bullet(lines[index - 1].text) == nil {
                return index - 1
            }
        }
        return stop
    }

    // MARK: Line classification

    private mutating func read(_ line: ArticleLine, title: String) {
        let text = line.text
        if pendingBullet {
            pendingBullet = false
            addBullet(text)
            return
        }
        if LinePatterns.isTableOfContents(folded: line.folded) {
            headerDone = true
            return
        }
        if let (kind, role) = heading(line) {
            startSection(kind, heading: text)
            if let role { enterRole(role) }
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
        if let role = matcher.exactRole(folded: line.folded) {
            enterRole(role)
            return
        }
        if let (label, rest) = LinePatterns.label(text), let role = matcher.exactRole(label) {
            addRoleLabelled(role, rest)
            return
        }
        if text.hasSuffix(":"), LinePatterns.wordCount(text) <= 30, leadIn(line) { return }
        addProse(text)
    }

    /// A heading names a section ("Required Skills", "Educational Background") and may name a role
    /// ("Data Scientist Responsibilities", "Skills of a Data Engineer:").
    private func heading(_ line: ArticleLine) -> (SectionKind, Int?)? {
        let text = line.text
        guard text.utf8.count <= 120, !LinePatterns.endsSentence(text), LinePatterns.bullet(text) == nil else { return nil }
        // A colon is allowed only at the end ("Data Scientist Skills:"); inside, it is a label.
        let utf8 = text.utf8
        let lastNonColon = utf8.lastIndex { $0 != UInt8(ascii: ":") } ?? utf8.startIndex
        if utf8[..<lastNonColon].contains(UInt8(ascii: ":")) { return nil }
        guard let kind = LinePatterns.sectionKind(inFolded: line.folded) else { return nil }
        let role = matcher.earliestMention(folded: line.folded)
        let roleWords = role.map { LinePatterns.wordCount(roles[$0]) } ?? 0
        guard LinePatterns.wordCount(text) - roleWords <= 7 else { return nil }
        return (kind, role)
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
        let kind = LinePatterns.sectionKind(inFolded: folded) ?? LinePatterns.sectionKind(inFolded: folded, leadIn: true)
        let role = matcher.earliestMention(folded: folded)
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
        } else {
            sections[last].shared.append(item)
        }
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
            let parts = ToolList.split(ToolList.withoutTrailingPeriod(text))
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
    /// to the role it mentions first, sentences naming none to the role before them.
    private mutating func addProseDefinitions(_ text: String) {
        guard let last = sections.indices.last else { return }
        var groups: [(role: Int?, sentences: [String])] = []
        for sentence in Sentences.split(text) {
            let role = matcher.earliestMention(in: sentence) ?? groups.last?.role
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
            } else {
                sections[last].text.append(paragraph)
            }
        }
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

/// Builds an `Article` from its lines: finds the roles (`ArticleRoles`) and the job blocks
/// (`JobBlockRule`), then reads the body line by line. Each line is classified once
/// (`LineClassifier`, a pure function of the line and a `LayoutContext`), the context advances on
/// the kind, and this type puts the line's content where the kind and the context say. Linear in
/// the article's length.
struct ArticleAssembler {
    let id: String
    let fileName: String
    let lines: [ArticleLine]
    let roles: ArticleRoles
    private var context = LayoutContext()
    private var sections: [SectionDraft] = []
    private var subtitle: String?
    private var readingMinutes: Int?
    private var byline: String?
    private var published: String?
    private var intro: [String] = []
    private var trailingConclusion: [String] = []
    /// The role a Definitions paragraph that names none continues ("They also …").
    private var lastDefinedRole: Int?
    /// Where the last list item went (section, role block or nil for shared), while the line after
    /// it may still continue it.
    private var lastItem: (section: Int, block: Int?)?
    /// What could not be read cleanly (`ReadingIssue`), as the lines are applied.
    private var issues: [ReadingIssue] = []

    /// Body lines read before the first section at most (`assemble`).
    static let maxHeaderLines = 2_000

    init(id: String, fileName: String, lines: [ArticleLine]) {
        self.id = id
        self.fileName = fileName
        self.lines = lines
        self.roles = ArticleRoles(lines: lines)
    }

    mutating func assemble() throws(ArticleRejection) -> Article {
        guard let titleLine = lines.first else { throw ArticleRejection(file: fileName, reason: "empty file") }
        let title = titleLine.text
        guard title.count <= 300, !LinePatterns.isBullet(title) else {
            throw ArticleRejection(file: fileName, reason: "no recognisable article structure: first line is not a title", line: titleLine.number)
        }
        let stop = lines.indices.dropFirst().first { LinePatterns.isStopMarker(folded: lines[$0].folded) } ?? lines.endIndex
        var jobBlocks = JobBlockRule(lines: lines, roles: roles)
        let (body, jobLines) = jobBlocks.split(before: stop)
        let classifier = LineClassifier(roles: roles, titleFolded: titleLine.folded)
        for (position, index) in body.enumerated() {
            // Articles of this family reach their first section within a few dozen lines; a file
            // still in its header after thousands is none, and is rejected without reading on.
            if position == Self.maxHeaderLines, !context.inSection { break }
            context.next = position + 1 < body.count ? lines[body[position + 1]] : nil
            let line = lines[index]
            let kind = classifier.classify(line, in: context)
            context.advance(on: kind)
            apply(kind, line)
        }
        let numberedJobs = JobParser.parseNumbered(jobLines.map { (lines[$0], jobBlocks.knownMeta[$0]) })
        let jobs = numberedJobs.map(\.posting)
        // Sections the schema does not know are kept, but an article needs one it knows.
        guard sections.contains(where: { $0.kind != .other }) else {
            throw ArticleRejection(
                file: fileName,
                reason: "no recognisable article structure: no section headings (Definitions, Responsibilities, Required Skills, …)",
                line: lines.count > 1 ? lines[1].number : titleLine.number)
        }
        guard !roles.isEmpty else {
            throw ArticleRejection(file: fileName, reason: "no recognisable article structure: the title names no roles (\"X vs. Y\")", line: titleLine.number)
        }
        var result = article(title: title, jobs: jobs)
        let report = ReadingChecks.issues(of: result, sections: sections, jobs: numberedJobs, lineIssues: issues, file: fileName)
        result.readingIssues = report.isEmpty ? nil : report
        return result
    }

    // MARK: Applying a line's kind

    private mutating func apply(_ kind: LineKind, _ line: ArticleLine) {
        let target = lastItem
        lastItem = nil
        switch kind {
        case .furniture, .jobBlock:
            break
        case .header(let field):
            switch field {
            case .byline(let minutes, let date):
                readingMinutes = readingMinutes ?? minutes
                published = published ?? date
                byline = byline ?? line.text
            case .repeatedTitle: break
            case .subtitle: subtitle = line.text
            }
        case .sectionHeading(let kind, let role, let heading):
            if role == nil || sections.last?.kind != kind { startSection(kind, heading: heading, line: line.number) }
            if let role = context.role { enterRole(role) }
            if kind == .other { note(.unknownSection, line, "section \"\(heading)\" has no place in the schema; kept as text") }
        case .roleLine(let role, _):
            enterRole(role)
        case .roleLabelled(let role, let text):
            addRoleLabelled(role, text)
        case .leadIn(let kind, let role, let heading):
            if let kind, sections.last?.kind != kind { startSection(kind, heading: heading, line: line.number) }
            if let role { enterRole(role) }
            if LinePatterns.isBullet(line.text) { note(.bulletReadsAsLeadIn, line, "a bullet that announces a list (\"\(heading)\"): read as a lead-in, not as an item") }
        case .bullet(let bullet):
            // A reference ("All tools used by Machine Learning Engineers.") stays an item: the
            // repository resolves it to the other role's items, marked inherited
            // (`RoleReferences`). One that names no role of the article is reported here.
            var isReference = false
            if let last = sections.indices.last, sections[last].kind.isPerRoleList, let role = context.role,
                let reference = ReferenceRule.reference(bullet.text, from: role, roles) {
                isReference = true
                if reference == .unresolved {
                    note(.unresolvedReference, line, "\"\(bullet.text)\" refers to a role the article does not compare")
                }
            }
            if addBullet(bullet.text, indent: line.indent) == .namesNoTool, !isReference {
                note(.lineNotUnderstood, line, "a bullet under Tools that names no tool: \"\(bullet.text.prefix(80))\"")
            }
        case .loneMarker, .category:
            break
        case .continuation:
            if let target { continueItem(line.text, at: target) }
        case .prose:
            addProse(line.text)
            if let kind = sections.last?.kind, kind.isPerRoleList { noteProseInList(line) }
        }
    }

    private mutating func note(_ kind: ReadingIssue.Kind, _ line: ArticleLine, _ message: String) {
        issues.append(ReadingIssue(kind: kind, file: fileName, line: line.number, message: message))
    }

    /// A paragraph inside a per-role list: a group line naming a role the article does not
    /// compare, or text the layout does not explain.
    private mutating func noteProseInList(_ line: ArticleLine) {
        if RoleNames.looksLikeRoleTitle(line.text) {
            note(.unresolvedReference, line, "\"\(line.text)\" reads as a role's name but names none of \(roles.titles.joined(separator: ", "))")
        } else {
            note(.lineNotUnderstood, line, "a paragraph inside a list section: \"\(line.text.prefix(80))\"")
        }
    }

    private mutating func startSection(_ kind: SectionKind, heading: String, line: Int = 0) {
        var draft = SectionDraft(kind: kind, heading: heading)
        draft.line = line
        sections.append(draft)
        lastDefinedRole = nil
    }

    private mutating func enterRole(_ role: Int) {
        if !sections.isEmpty { _ = sections[sections.count - 1].blockIndex(for: roles.titles[role]) }
    }

    // MARK: Content

    enum BulletOutcome { case read, namesNoTool }

    @discardableResult
    private mutating func addBullet(_ text: String, indent: Int = 0) -> BulletOutcome {
        guard let last = sections.indices.last else {
            intro.append(text)
            return .read
        }
        sections[last].sawItems = true
        let kind = sections[last].kind
        if kind == .definitions {
            addProse(text)
            return .read
        }
        let parsedTools = kind == .tools ? ToolList.parse(text, category: context.category?.name, source: id) : nil
        if kind == .tools, let tools = CategoryLineRule.labelledTools(text, source: id, parsed: parsedTools) ?? parsedTools {
            if let role = context.role {
                let block = sections[last].blockIndex(for: roles.titles[role])
                sections[last].blocks[block].tools += tools
            } else {
                sections[last].tools += tools
            }
            return .read
        }
        let item = listItem(text)
        if let role = context.role {
            let block = sections[last].blockIndex(for: roles.titles[role])
            sections[last].blocks[block].items.append(item)
            openItem(at: (last, block), text: item.text, indent: indent)
        } else {
            sections[last].shared.append(item)
            openItem(at: (last, nil), text: item.text, indent: indent)
        }
        return kind == .tools ? .namesNoTool : .read
    }

    private mutating func openItem(at target: (section: Int, block: Int?), text: String, indent: Int) {
        lastItem = target
        context.list = .open(continuable: WrappedBulletRule.isContinuable(text), indent: indent)
    }

    /// Appends a wrapped line to the item it continues (`WrappedBulletRule`).
    private mutating func continueItem(_ text: String, at target: (section: Int, block: Int?)) {
        guard target.section < sections.count else { return }
        var extended = ""
        if let block = target.block {
            guard block < sections[target.section].blocks.count, let index = sections[target.section].blocks[block].items.indices.last
            else { return }
            sections[target.section].blocks[block].items[index].text += " " + text
            extended = sections[target.section].blocks[block].items[index].text
        } else {
            guard let index = sections[target.section].shared.indices.last else { return }
            sections[target.section].shared[index].text += " " + text
            extended = sections[target.section].shared[index].text
        }
        if case .open(_, let indent) = context.list { openItem(at: target, text: extended, indent: indent) }
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
        let block = sections[last].blockIndex(for: roles.titles[role])
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
                sections[last].blocks[block].items += parts.map { ListItem(text: $0.capitalisedFirst, sources: [id]) }
            } else {
                sections[last].blocks[block].items.append(listItem(text))
            }
        }
    }

    private mutating func addProse(_ text: String) {
        guard let last = sections.indices.last else {
            intro.append(text)
            return
        }
        let kind = sections[last].kind
        if kind == .definitions && context.role == nil {
            for group in DefinitionProse(matcher: roles.matcher).groups(text, lastDefined: lastDefinedRole) {
                if let role = group.role {
                    let block = sections[last].blockIndex(for: roles.titles[role])
                    sections[last].blocks[block].text.append(group.paragraph)
                    lastDefinedRole = role
                } else {
                    sections[last].text.append(group.paragraph)
                }
            }
            return
        }
        if kind == .tips && sections[last].sawItems {
            trailingConclusion.append(text)
            return
        }
        if let role = context.role {
            let block = sections[last].blockIndex(for: roles.titles[role])
            sections[last].blocks[block].text.append(text)
        } else {
            sections[last].text.append(text)
        }
    }

    // MARK: Result

    private func article(title: String, jobs: [JobPosting]) -> Article {
        let finished = sections.map(\.section)
        let profiles = roles.titles.map { profile(for: $0, in: finished) }
        let outlook = finished.first { $0.kind == .outlook }.flatMap { section in
            section.text ?? joinedBlockText(section)
        }
        var conclusionParts = finished.filter { $0.kind == .conclusion }.compactMap { $0.text ?? joinedBlockText($0) }
        conclusionParts += trailingConclusion
        var result = Article(
            id: id, fileName: fileName.splitFast(separators: [UInt8(ascii: "/")]).last.map(String.init) ?? fileName, title: title, subtitle: subtitle, readingMinutes: readingMinutes,
            published: published, intro: intro.isEmpty ? finished.first { $0.kind == .intro }?.text : intro.joined(separator: "\n\n"), roles: roles.titles,
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

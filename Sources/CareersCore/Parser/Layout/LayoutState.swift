/// Where the reader is in an article's layout: above the first section (the header), or in a
/// section of some kind. Advanced by `LayoutContext.advance(on:)` on each line's kind.
enum LayoutState: Equatable {
    /// Above the first section; `contentsSeen` once "Table of contents" (or any heading-like
    /// structure) ends the header fields.
    case header(contentsSeen: Bool)
    case section(SectionKind)

    var sectionKind: SectionKind? {
        if case .section(let kind) = self { return kind }
        return nil
    }
}

/// The state of the list being read.
enum ListCursor: Equatable {
    case closed
    /// A lone marker was the last line: this line may be its item.
    case awaitingItem
    /// The last line added an item; `continuable` when the item does not end a sentence, so a
    /// wrapped line may continue it; `indent` is the item's line's.
    case open(continuable: Bool, indent: Int)
}

/// The small context a line is classified in: the layout state, the role being read, the list
/// cursor, the kinds of the sections read before this one, and the next line of the body. Every
/// field is set by `advance(on:)` (and the list cursor by the assembler, which knows whether an
/// item was added), so the classifier itself is a pure function of a line and this value.
struct LayoutContext {
    var state: LayoutState = .header(contentsSeen: false)
    /// The role whose part of the section the reader is in.
    var role: Int?
    /// In the role-first layout (role line, then "Responsibilities", "Skills" under it), the role
    /// every following per-role heading belongs to, until another role line.
    var outerRole: Int?
    var list: ListCursor = .closed
    /// Under Tools, the category a "Frameworks:" line opened (`CategoryLineRule`).
    var category: ToolCategoryLine?
    /// The indent of the current list's own bullets: a bullet indented further is nested.
    var bulletIndent: Int?
    /// The kinds of the sections before the current one.
    var earlierKinds: Set<SectionKind> = []
    /// Header facts the subtitle rule needs: a subtitle was read, intro text was read.
    var hasSubtitle = false
    var hasIntro = false
    /// The next line of the body (job blocks between them taken out).
    var next: ArticleLine?

    var sectionKind: SectionKind? { state.sectionKind }
    var inSection: Bool { state.sectionKind != nil }

    /// Moves the layout on past a line of `kind`. Content is the assembler's; this is only where
    /// the reader is.
    mutating func advance(on kind: LineKind) {
        if kind != .continuation { list = .closed }
        switch kind {
        case .furniture:
            if case .header = state { state = .header(contentsSeen: true) }
        case .header(.subtitle):
            hasSubtitle = true
        case .header:
            break
        case .sectionHeading(let kind, let role, _):
            if let role, sectionKind == kind {
                // "Data Scientist Responsibilities" under "Responsibilities": the same section.
                self.role = role
            } else {
                startSection(kind)
                if let role {
                    self.role = role
                } else if let outer = outerRole {
                    if kind.isPerRoleList { self.role = outer } else { outerRole = nil }
                }
            }
            if case .header = state { state = .header(contentsSeen: true) }
        case .roleLine(let role, let outer):
            self.role = role
            category = nil
            if outer { outerRole = role }
        case .roleLabelled:
            if !inSection { startSection(.definitions) }
        case .leadIn(let kind, let role, _):
            if let kind, sectionKind != kind { startSection(kind) }
            if let role { self.role = role }
            category = nil
        case .loneMarker:
            list = .awaitingItem
        case .category(let line):
            category = line
        case .bullet(let bullet):
            if !inSection { hasIntro = true }
            if bullet.depth == 0 { bulletIndent = bullet.indent }
            if let open = category, !open.covers(bullet) { category = nil }
        case .prose:
            if !inSection { hasIntro = true }
            category = nil
        case .continuation, .jobBlock:
            break
        }
    }

    private mutating func startSection(_ kind: SectionKind) {
        if let current = sectionKind { earlierKinds.insert(current) }
        state = .section(kind)
        role = nil
        category = nil
        bulletIndent = nil
    }
}

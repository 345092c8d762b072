/// What one line of an article is. `LineClassifier` decides it once per line, from the line and a
/// small context (`LayoutContext`); `LayoutContext.advance(on:)` moves the layout on, and the
/// assembler puts the line's content where the kind says.
enum LineKind: Equatable {
    /// Site furniture ("Table of contents", a horizontal rule): no content.
    case furniture
    /// A field of the header above the first section (`HeaderFieldRule`).
    case header(HeaderField)
    /// A heading: the section it opens, the role it names if any, its text as written
    /// (`SectionHeadingRule`). A heading naming the current section's kind and a role only moves
    /// to that role's part of the section.
    case sectionHeading(SectionKind, role: Int?, heading: String)
    /// A line that is a role's name (`RoleLineRule`). `outer` when it heads the sections under it
    /// (the role-first layout: role, then "Responsibilities", "Skills" …).
    case roleLine(Int, outer: Bool)
    /// "Data Scientist: …" — the role's definition or items, by section (`RoleLabelledLineRule`).
    case roleLabelled(role: Int, text: String)
    /// A sentence announcing a list ("The responsibilities of a Data Scientist include:"): it may
    /// open a section and/or a role's part, and is never an item (`LeadInRule`).
    case leadIn(SectionKind?, role: Int?, heading: String)
    /// A list item (`BulletRule`).
    case bullet(Bullet)
    /// A bullet marker alone on its line: the item's text follows (`LoneMarkerRule`).
    case loneMarker
    /// The rest of the item before, hard-wrapped by its writer (`WrappedBulletRule`).
    case continuation
    /// "Frameworks:" alone, under Tools: the tools below it (sub-bullets) are of that category
    /// (`CategoryLineRule`).
    case category(ToolCategoryLine)
    /// A line of a Featured Job block (`JobBlockRule`); read by `JobParser`, not by the layout.
    case jobBlock
    /// A paragraph.
    case prose
}

/// A list item as written: how deep it is nested (0 at the list's own level), its bold or colon
/// label if any ("Team Leadership: Manage …"), and its whole text after the marker.
struct Bullet: Equatable {
    var depth: Int
    var label: String?
    var text: String
    /// The line's indent (`ArticleLine.indent`), which nested bullets are measured against.
    var indent: Int = 0
}

/// "Frameworks:" (or "- Frameworks:", "**Frameworks**") under Tools: the tools listed below it
/// are of this category. A bullet category line covers the bullets nested under it; a plain one
/// covers the bullets after it, up to the next structure.
struct ToolCategoryLine: Equatable {
    var name: String
    var indent: Int
    var isBullet: Bool

    func covers(_ bullet: Bullet) -> Bool {
        isBullet ? bullet.indent > indent || bullet.depth > 0 : true
    }
}

enum HeaderField: Equatable {
    /// "4 min read · Oct. 30, 2024"
    case byline(minutes: Int?, date: String?)
    /// The title again, as many pages repeat it under the subtitle.
    case repeatedTitle
    case subtitle
}

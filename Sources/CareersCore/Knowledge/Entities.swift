/// What an entity is: a skill (found in sentences), a tool (named on the articles' tool lines or
/// curated as one) or an industry. Skills and tools share one name space, so "Spark" in a skill
/// sentence and "Apache Spark" on a tool line are one entity; industries have their own.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case skill, tool, industry
}

/// A skill, tool or industry: one id (a slug, stable across loads), one display name, the
/// aliases it is also written as.
public struct Entity: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var type: EntityType
    /// The vocabulary's kind ("language", "concept", "soft-skill", …); nil for names only the
    /// corpus knows.
    public var kind: String?
    /// Tools: the vocabulary's category, else the articles' most used one.
    public var category: String?
    public var description: String?
    /// Codes of the vocabulary sources that list it (empty for corpus-only names).
    public var vocabularySources: [String]
    /// Named on an article's tool line (or curated as a tool).
    public var isTool: Bool
    /// Named in a skill, responsibility, education or tool sentence of some role.
    public var isSkill: Bool
}

/// One entity as a role has it: where (which sections) and from which articles.
public struct EntityRef: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var sources: [String]

    public init(id: String, name: String, sources: [String]) {
        self.id = id
        self.name = name
        self.sources = sources
    }
}

/// A role's entities by section: skills from its skill, responsibility and education sentences,
/// tools from its tool lists, industries from its industry lists.
public struct RoleEntities: Sendable, Hashable, Codable {
    public var skills: [EntityRef]
    public var tools: [EntityRef]
    public var industries: [EntityRef]

    public init(skills: [EntityRef] = [], tools: [EntityRef] = [], industries: [EntityRef] = []) {
        self.skills = skills
        self.tools = tools
        self.industries = industries
    }

    public subscript(section: EntitySection) -> [EntityRef] {
        switch section {
        case .skills: skills
        case .tools: tools
        case .industries: industries
        }
    }
}

public enum EntitySection: String, Sendable, Hashable, Codable, CaseIterable {
    case skills, tools, industries
}

/// A role that names an entity: in how many articles, and in which of its sections.
public struct EntityRoleMention: Sendable, Hashable {
    public var role: String
    public var title: String
    public var articles: [String]
    public var sections: [EntitySection]
}

import CareersCore

/// How the core's models are spelled in JSON (snake_case, nulls kept). One place, so a role's
/// items look the same in `/roles/{id}`, `/compare` and `/comparisons/{id}`.
extension JSONWriter {
    /// `entities` replaces the item's own (an article's items are matched when serialised).
    mutating func listItem(_ item: ListItem, entities: [String]? = nil) {
        object { o in
            o.field("label", item.label)
            o.field("text", item.text)
            o.field("sources", item.sources)
            o.field("inherited_from", item.inheritedFrom)
            o.field("inherited_in", item.inheritedIn)
            o.key("variants")
            o.array(item.variants) { w, variant in
                w.object { o in
                    o.field("label", variant.label)
                    o.field("text", variant.text)
                    o.field("source", variant.source)
                }
            }
            o.field("entities", entities ?? item.entities)
        }
    }

    mutating func listItems(_ name: String, _ items: [ListItem]) {
        key(name)
        array(items) { $0.listItem($1) }
    }

    /// An article's items of one section, with the entities their texts name: skills and tools
    /// in skill, responsibility and education sections, industries in industry sections.
    mutating func writtenItems(_ name: String, _ items: [ListItem], kind: SectionKind, knowledge: Knowledge) {
        key(name)
        array(items) { w, item in
            let entities: [String]
            switch kind {
            case .skills, .responsibilities, .education: entities = knowledge.entityIDs(of: item)
            case .industries: entities = knowledge.entityIDs(of: item, industry: true)
            default: entities = []
            }
            w.listItem(item, entities: entities)
        }
    }

    /// A tool of a merged role: `name` is the entity's.
    mutating func tool(_ tool: ToolItem) {
        object { o in
            o.field("id", tool.id)
            o.field("name", tool.name)
            o.field("category", tool.category)
            o.field("sources", tool.sources)
            o.field("inherited_from", tool.inheritedFrom)
            o.field("inherited_in", tool.inheritedIn)
        }
    }

    mutating func tools(_ name: String, _ tools: [ToolItem]) {
        key(name)
        array(tools) { $0.tool($1) }
    }

    /// A tool as an article writes it (`text`), beside the entity it names (`id`, `name`).
    mutating func writtenTool(_ tool: ToolItem, knowledge: Knowledge) {
        let id = tool.id ?? knowledge.toolID(named: tool.name)
        object { o in
            o.field("id", id)
            o.field("name", id.flatMap { knowledge.entity(.tool, id: $0)?.name } ?? tool.name)
            o.field("text", tool.name)
            o.field("category", tool.category)
            o.field("sources", tool.sources)
        }
    }

    mutating func entityRefs(_ name: String, _ refs: [EntityRef], type: EntityType) {
        key(name)
        array(refs) { w, ref in
            w.object { o in
                o.field("id", ref.id)
                o.field("name", ref.name)
                o.field("sources", ref.sources)
                o.field("href", EntityType.path(type) + "/" + ref.id)
            }
        }
    }

    /// A role's entities by section.
    mutating func roleEntities(_ entities: RoleEntities) {
        object { o in
            o.entityRefs("skills", entities.skills, type: .skill)
            o.entityRefs("tools", entities.tools, type: .tool)
            o.entityRefs("industries", entities.industries, type: .industry)
        }
    }

    mutating func sourcedTexts(_ name: String, _ texts: [SourcedText]) {
        key(name)
        array(texts) { w, t in
            w.object { o in
                o.field("text", t.text)
                o.field("source", t.source)
            }
        }
    }

    mutating func salary(_ salary: Salary?) {
        guard let salary else { return null() }
        object { o in
            o.field("currency", salary.currency)
            o.field("min", salary.min)
            o.field("max", salary.max)
            o.field("period", salary.period.rawValue)
            o.field("annual_min", salary.annualMin)
            o.field("annual_max", salary.isOpenEnded ? nil : salary.annualMax)
            o.field("plausible", salary.plausible)
        }
    }

    mutating func job(_ job: Job) {
        let p = job.posting
        object { o in
            o.field("id", job.id)
            o.field("title", p.title)
            o.field("company", p.company)
            o.field("location", p.location)
            o.field("remote", job.remote)
            o.field("workplace", job.workplace.rawValue)
            o.field("employment_types", p.employmentTypes.map(\.rawValue))
            o.field("level", p.level?.rawValue)
            o.field("level_label", p.levelLabel)
            o.key("salary")
            o.salary(p.salary)
            o.field("sources", job.sources)
            o.key("roles")
            o.array(job.roles) { w, link in
                w.object { o in
                    o.field("id", link.id)
                    o.field("title", link.title)
                    o.field("reason", link.reason.rawValue)
                    o.field("score", link.score)
                }
            }
            o.field("first_seen", job.firstSeen)
            o.field("last_seen", job.lastSeen)
        }
    }

    /// A role's jobs: how many `/jobs?role=` lists, and that link.
    mutating func roleJobs(_ role: Role, count: Int) {
        key("jobs")
        object { o in
            o.field("count", count)
            o.field("href", "/jobs?role=" + role.id)
        }
    }

    /// The short form of a role used in lists.
    mutating func roleSummary(_ role: Role, jobCount: Int) {
        object { o in
            o.field("id", role.id)
            o.field("title", role.title)
            o.field("aliases", role.aliases)
            o.field("summary", role.summary)
            o.field("comparisons", role.comparisons)
            o.field("related", role.related)
            o.roleJobs(role, count: jobCount)
            o.field("href", "/roles/" + role.id)
        }
    }

    mutating func role(_ role: Role, jobCount: Int) {
        object { o in
            o.field("id", role.id)
            o.field("title", role.title)
            o.field("aliases", role.aliases)
            o.field("summary", role.summary)
            o.sourcedTexts("definitions", role.definitions)
            o.listItems("responsibilities", role.responsibilities)
            o.listItems("skills", role.skills)
            o.listItems("education", role.education)
            o.tools("tools", role.tools)
            o.listItems("industries", role.industries)
            o.sourcedTexts("outlook", role.outlook)
            o.listItems("tips", role.tips)
            o.key("entities")
            o.roleEntities(role.entities)
            o.field("comparisons", role.comparisons)
            o.field("related", role.related)
            o.roleJobs(role, count: jobCount)
            o.field("href", "/roles/" + role.id)
        }
    }

    /// A role as an article names it: its title there and the id it resolves to (null if the
    /// repository merged it away, which it should not).
    mutating func roleReference(title: String, id: String?) {
        object { o in
            o.field("id", id)
            o.field("title", title)
        }
    }

    mutating func comparisonSummary(_ article: Article, roleIDs: [String?]) {
        object { o in
            o.field("id", article.id)
            o.field("title", article.title)
            o.key("roles")
            o.array(zip(article.roles, roleIDs)) { $0.roleReference(title: $1.0, id: $1.1) }
            o.field("published", article.published)
            o.field("reading_minutes", article.readingMinutes)
            o.field("href", "/comparisons/" + article.id)
        }
    }

    mutating func comparison(_ article: Article, roleIDs: [String?], jobs: [Job], knowledge: Knowledge) {
        let idByTitle = Dictionary(zip(article.roles, roleIDs), uniquingKeysWith: { a, _ in a })
        object { o in
            o.field("id", article.id)
            o.field("title", article.title)
            o.field("subtitle", article.subtitle)
            o.field("file_name", article.fileName)
            o.field("published", article.published)
            o.field("reading_minutes", article.readingMinutes)
            o.key("roles")
            o.array(zip(article.roles, roleIDs)) { $0.roleReference(title: $1.0, id: $1.1) }
            o.field("intro", article.intro)
            o.key("sections")
            o.array(article.sections) { w, section in
                w.object { o in
                    o.field("kind", section.kind.rawValue)
                    o.field("heading", section.heading)
                    o.field("text", section.text)
                    o.writtenItems("shared", section.shared, kind: section.kind, knowledge: knowledge)
                    o.key("tools")
                    o.array(section.tools) { $0.writtenTool($1, knowledge: knowledge) }
                    o.key("roles")
                    o.array(section.roles) { w, block in
                        w.object { o in
                            o.field("role", block.role)
                            o.field("role_id", idByTitle[block.role] ?? nil)
                            o.field("text", block.text)
                            o.writtenItems("items", block.items, kind: section.kind, knowledge: knowledge)
                            o.key("tools")
                            o.array(block.tools) { $0.writtenTool($1, knowledge: knowledge) }
                        }
                    }
                }
            }
            o.field("outlook", article.outlook)
            o.field("conclusion", article.conclusion)
            o.key("jobs")
            o.array(jobs) { $0.job($1) }
        }
    }
}

extension EntityType {
    /// The collection resource of each type.
    static func path(_ type: EntityType) -> String {
        switch type {
        case .skill: "/skills"
        case .tool: "/tools"
        case .industry: "/industries"
        }
    }
}

extension JSONWriter {
    private static func entityFields(_ o: inout JSONWriter, _ entity: Entity, as type: EntityType) {
        o.field("id", entity.id)
        o.field("name", entity.name)
        o.field("aliases", entity.aliases)
        o.field("type", entity.type.rawValue)
        o.field("kind", entity.kind)
        o.field("category", entity.category)
    }

    /// An entity in a list: its names, how many roles and jobs name it.
    mutating func entitySummary(_ entity: Entity, as type: EntityType, knowledge: Knowledge) {
        object { o in
            JSONWriter.entityFields(&o, entity, as: type)
            o.field("role_count", knowledge.roles(type, id: entity.id).count)
            o.field("job_count", knowledge.jobs(type, id: entity.id).count)
            o.field("href", EntityType.path(type) + "/" + entity.id)
        }
    }

    /// One entity: its names, what it is, the roles that name it (with the articles that say so
    /// and in which sections) and the jobs whose titles name it.
    mutating func entity(_ entity: Entity, as type: EntityType, knowledge: Knowledge, jobTitle: (String) -> String?) {
        object { o in
            JSONWriter.entityFields(&o, entity, as: type)
            o.field("description", entity.description)
            o.field("vocabulary_sources", entity.vocabularySources)
            o.field("roles", array: { a in
                for mention in knowledge.roles(type, id: entity.id) {
                    a.object { o in
                        o.field("id", mention.role)
                        o.field("title", mention.title)
                        o.field("articles", mention.articles.count)
                        o.field("sources", mention.articles)
                        o.field("sections", mention.sections.map(\.rawValue))
                        o.field("href", "/roles/" + mention.role)
                    }
                }
            })
            o.field("jobs", array: { a in
                for id in knowledge.jobs(type, id: entity.id) {
                    a.object { o in
                        o.field("id", id)
                        o.field("title", jobTitle(id))
                        o.field("href", "/jobs/" + id)
                    }
                }
            })
            o.field("href", EntityType.path(type) + "/" + entity.id)
        }
    }
}

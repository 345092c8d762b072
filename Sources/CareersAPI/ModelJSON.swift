import CareersCore

/// How the core's models are spelled in JSON (snake_case, nulls kept). One place, so a role's
/// items look the same in `/roles/{id}`, `/compare` and `/comparisons/{id}`.
extension JSONWriter {
    mutating func listItem(_ item: ListItem) {
        object { o in
            o.field("label", item.label)
            o.field("text", item.text)
            o.field("sources", item.sources)
        }
    }

    mutating func listItems(_ name: String, _ items: [ListItem]) {
        key(name)
        array(items) { $0.listItem($1) }
    }

    mutating func tool(_ tool: ToolItem) {
        object { o in
            o.field("name", tool.name)
            o.field("category", tool.category)
            o.field("sources", tool.sources)
        }
    }

    mutating func tools(_ name: String, _ tools: [ToolItem]) {
        key(name)
        array(tools) { $0.tool($1) }
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
            o.field("employment_types", p.employmentTypes.map(\.rawValue))
            o.field("level", p.level?.rawValue)
            o.field("level_label", p.levelLabel)
            o.key("salary")
            o.salary(p.salary)
            o.field("sources", job.sources)
        }
    }

    /// The short form of a role used in lists.
    mutating func roleSummary(_ role: Role) {
        object { o in
            o.field("id", role.id)
            o.field("title", role.title)
            o.field("aliases", role.aliases)
            o.field("summary", role.summary)
            o.field("comparisons", role.comparisons)
            o.field("related", role.related)
            o.field("href", "/roles/" + role.id)
        }
    }

    mutating func role(_ role: Role) {
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
            o.field("comparisons", role.comparisons)
            o.field("related", role.related)
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

    mutating func comparison(_ article: Article, roleIDs: [String?], jobs: [Job]) {
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
                    o.listItems("shared", section.shared)
                    o.key("roles")
                    o.array(section.roles) { w, block in
                        w.object { o in
                            o.field("role", block.role)
                            o.field("role_id", idByTitle[block.role] ?? nil)
                            o.field("text", block.text)
                            o.listItems("items", block.items)
                            o.tools("tools", block.tools)
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

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CareersCore
import OrderedCollections

/// `GET /compare`: 2 to 5 roles side by side. Works for any set of roles, compared by an article
/// or not, because it is computed from the merged role profiles; the articles that do compare a
/// pair are listed as sources.
extension Route {
    static let compare: Route = Route(
        "/compare", parameters: [.comparedRoles] + QueryParameter.letteredRoles, link: "compare",
        linkHref: "/compare?roles={a},{b}",
        operation: Operation(id: "compareRoles", summary: "2 to 5 roles side by side", tags: ["roles"], responses: [
            ("200", OpenAPIDocument.ok("Compare", "The comparison.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
            OpenAPIDocument.notFound,
        ]),
        schemas: [("Overlap", overlapSchema), ("Compare", compareSchema)],
        serving: .query { catalog, reader in catalog.compare(&reader) })

    private static var overlapSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("shared", ["type": "array", "items": D.ref("EntityLink"), "description": "Entities every compared role names."]),
            ("some", ["type": "array", "description": "Entities more than one but not every role names (3 or more roles).", "items": D.object([
                ("id", D.string), ("name", D.string), ("href", D.string), ("roles", D.strings),
            ])]),
            ("only", ["type": "array", "description": "Per role, in the order asked: entities only it names.", "items": D.object([
                ("id", D.string), ("items", D.array(D.ref("EntityLink"))),
            ])]),
        ], description: "Every entity of a section placed exactly once: shared by all, by some, or one role's only.")
    }

    private static var compareSchema: JSONValue {
        typealias D = OpenAPIDocument
        let sections = ["definitions", "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips"]
        return D.object([
            ("roles", D.array(D.object([("id", D.string), ("title", D.string), ("summary", D.nullableString), ("href", D.string)]))),
            ("sections", D.array(D.object([
                ("section", D.enumeration(sections)),
                ("roles", D.array(D.object([
                    ("id", D.string),
                    ("items", D.array(["anyOf": [D.ref("ListItem"), D.ref("ToolItem"), D.ref("SourcedText")]])),
                ]))),
            ]))),
            ("overlap", D.object([("skills", D.ref("Overlap")), ("tools", D.ref("Overlap")), ("industries", D.ref("Overlap"))])),
            ("transition", D.nullable(D.object([
                ("from", D.string), ("to", D.string),
                ("learn", D.object([
                    ("skills", D.array(D.ref("EntityLink"))), ("tools", D.array(D.ref("EntityLink"))),
                    ("industries", D.array(D.ref("EntityLink"))),
                ], description: "Entities of the second role the first lacks.")),
            ], description: "For a pair: what moving from the first role to the second would need. Null for 3 or more roles."))),
            ("pairs", D.array(D.object([
                ("roles", ["type": "array", "items": D.string, "minItems": 2, "maxItems": 2]),
                ("comparisons", ["type": "array", "items": D.string, "description": "Articles comparing this pair (may be empty)."]),
            ]))),
            ("sources", D.array(D.ref("ComparisonSummary"))),
        ], description: "The roles side by side, section by section, with what they share and what only each has.")
    }
}

extension QueryParameter {
    /// `roles=a,b`: repeatable, the lists add up. Counted and resolved by the handler, whose
    /// messages name the roles at fault.
    static let comparedRoles = QueryParameter(
        "roles",
        .list(schema: [
            "type": "array", "minItems": .number(Double(Catalog.comparableRoles.lowerBound)),
            "maxItems": .number(Double(Catalog.comparableRoles.upperBound)), "uniqueItems": true,
            "items": ["type": "string", "pattern": "^[^,]*[^,\\s][^,]*$"],
        ]),
        """
        2 to 5 distinct roles, comma-separated: ids, titles or aliases, typo-tolerant. \
        The roles may instead be given one per parameter as a=…&b=…[&c=…&d=…&e=…] (not together with roles).
        """,
        repeatable: true, required: true,
        example: { repository in
            let ids = repository.roles.prefix(2).map { JSONValue.string($0.id) }
            return ids.count == 2 ? .array(ids) : nil
        })

    /// `a=…&b=…`: one role per parameter, described in the text of `roles`.
    static let letteredRoles = ["a", "b", "c", "d", "e"].map { name in
        QueryParameter(name, .text, "A role to compare.", documented: false)
    }
}

extension Catalog {
    static let comparableRoles = 2...5

    func compare(_ reader: inout QueryReader) -> Outcome {
        // Scalars, not Characters: "," followed by a combining mark or emoji modifier is still a comma.
        let listed = reader.values(.comparedRoles).flatMap { $0.unicodeScalars.split(separator: ",") }.map { Substring($0).trimming(" \t") }
            .filter { !$0.isEmpty }.map { (param: "roles", text: $0) }
        let lettered = QueryParameter.letteredRoles.compactMap { p in reader.string(p).map { (param: p.name, text: $0) } }
        if !listed.isEmpty, !lettered.isEmpty {
            reader.fail("roles", "give the roles either as roles=a,b or as a=…&b=…, not both")
            return .problem(.badRequest(reader.errors))
        }
        let wanted = listed.isEmpty ? lettered : listed
        guard Catalog.comparableRoles.contains(wanted.count) else {
            reader.fail("roles", "name 2 to 5 roles (ids or titles), e.g. roles=machine-learning-engineer,ai-scientist; got \(wanted.count)")
            return .problem(.badRequest(reader.errors))
        }
        var roles: [Role] = []
        for (param, text) in wanted {
            guard let role = repository.resolveRole(text) else {
                let suggestions = repository.suggestRoleIDs(for: text)
                var problem = Problem.notFound("no role matches '\(text)'", suggestions: suggestions)
                problem.invalidParams = [InvalidParam(name: param, reason: "no role matches '\(text)'")]
                return .problem(problem)
            }
            if roles.contains(where: { $0.id == role.id }) {
                reader.fail(param, "'\(text)' names \(role.id) again; compare distinct roles")
                return .problem(.badRequest(reader.errors))
            }
            roles.append(role)
        }
        return .ok(Representation(body: comparisonBody(roles)))
    }

    func comparisonBody(_ roles: [Role]) -> [UInt8] {
        var w = JSONWriter(capacity: 16384)
        w.object { o in
            o.field("roles", array: { a in
                for role in roles {
                    a.object { o in
                        o.field("id", role.id)
                        o.field("title", role.title)
                        o.field("summary", role.summary)
                        o.field("href", "/roles/" + role.id)
                    }
                }
            })
            o.field("sections", array: { a in
                a.sideBySide("definitions", roles) { $0.sourcedTexts("items", $1.definitions) }
                a.sideBySide("responsibilities", roles) { $0.listItems("items", $1.responsibilities) }
                a.sideBySide("skills", roles) { $0.listItems("items", $1.skills) }
                a.sideBySide("education", roles) { $0.listItems("items", $1.education) }
                a.sideBySide("tools", roles) { $0.tools("items", $1.tools) }
                a.sideBySide("industries", roles) { $0.listItems("items", $1.industries) }
                a.sideBySide("outlook", roles) { $0.sourcedTexts("items", $1.outlook) }
                a.sideBySide("tips", roles) { $0.listItems("items", $1.tips) }
            })
            o.field("overlap", object: { o in
                for section in EntitySection.allCases { o.overlap(section, roles) }
            })
            if roles.count == 2 {
                o.field("transition", object: { o in o.transition(from: roles[0], to: roles[1]) })
            } else {
                o.field("transition", nil as String?)
            }
            var sourceIDs: Set<String> = []
            o.field("pairs", array: { a in
                for i in roles.indices {
                    for j in roles.indices where j > i {
                        let articles = repository.articles.filter { article in
                            let ids = articleRoleIDs[article.id] ?? []
                            return ids.contains(roles[i].id) && ids.contains(roles[j].id)
                        }.map(\.id)
                        sourceIDs.formUnion(articles)
                        a.object { o in
                            o.field("roles", [roles[i].id, roles[j].id])
                            o.field("comparisons", articles)
                        }
                    }
                }
            })
            o.field("sources", array: { a in
                for (index, article) in repository.articles.enumerated() where sourceIDs.contains(article.id) {
                    a.raw(comparisonItems[index])
                }
            })
        }
        return w.bytes
    }
}

extension JSONWriter {
    fileprivate mutating func sideBySide(_ section: String, _ roles: [Role], _ items: (inout JSONWriter, Role) -> Void) {
        object { o in
            o.field("section", section)
            o.field("roles", array: { a in
                for role in roles {
                    a.object { o in
                        o.field("id", role.id)
                        items(&o, role)
                    }
                }
            })
        }
    }

    /// Every entity of a section placed exactly once: named by every role (`shared`), by more
    /// than one but not all (`some`, with which), or by one role only (`only`, per role). Items
    /// keep the order of first mention, role by role.
    fileprivate mutating func overlap(_ section: EntitySection, _ roles: [Role]) {
        var order: [EntityRef] = []
        var members: [String: UInt32] = [:]
        for (index, role) in roles.enumerated() {
            for ref in role.entities[section] {
                if members[ref.id] == nil { order.append(ref) }
                members[ref.id, default: 0] |= 1 << UInt32(index)
            }
        }
        let everyone: UInt32 = (1 << UInt32(roles.count)) - 1
        let type = section.entityType
        field(section.rawValue, object: { o in
            o.field("shared", array: { a in
                for ref in order where members[ref.id] == everyone { a.entityLink(ref, type: type) }
            })
            o.field("some", array: { a in
                for ref in order {
                    let mask = members[ref.id] ?? 0
                    guard mask != everyone, mask.nonzeroBitCount > 1 else { continue }
                    a.object { o in
                        o.field("id", ref.id)
                        o.field("name", ref.name)
                        o.field("href", EntityType.path(type) + "/" + ref.id)
                        o.field("roles", roles.indices.filter { mask & (1 << UInt32($0)) != 0 }.map { roles[$0].id })
                    }
                }
            })
            o.field("only", array: { a in
                for (index, role) in roles.enumerated() {
                    a.object { o in
                        o.field("id", role.id)
                        o.field("items", array: { a in
                            for ref in order where members[ref.id] == 1 << UInt32(index) { a.entityLink(ref, type: type) }
                        })
                    }
                }
            })
        })
    }

    /// What someone moving from one role to the other would need to learn: the entities of the
    /// second that the first lacks, by section.
    fileprivate mutating func transition(from: Role, to: Role) {
        field("from", from.id)
        field("to", to.id)
        field("learn", object: { o in
            for section in EntitySection.allCases {
                let known = Set(from.entities[section].map(\.id))
                o.field(section.rawValue, array: { a in
                    for ref in to.entities[section] where !known.contains(ref.id) { a.entityLink(ref, type: section.entityType) }
                })
            }
        })
    }

    fileprivate mutating func entityLink(_ ref: EntityRef, type: EntityType) {
        object { o in
            o.field("id", ref.id)
            o.field("name", ref.name)
            o.field("href", EntityType.path(type) + "/" + ref.id)
        }
    }
}

extension EntitySection {
    /// The resource an entity of this section is listed under.
    var entityType: EntityType {
        switch self {
        case .skills: .skill
        case .tools: .tool
        case .industries: .industry
        }
    }
}

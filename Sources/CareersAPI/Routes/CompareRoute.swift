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
            ("shared", ["type": "array", "items": D.string, "description": "What every compared role has (normalised names)."]),
            ("only", D.array(D.object([("id", D.string), ("items", D.strings)]))),
        ])
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
                o.overlap("skills", roles) { $0.skills.map { $0.label ?? $0.text } }
                o.overlap("tools", roles) { $0.tools.map(\.name) }
                o.overlap("industries", roles) { $0.industries.map { $0.label ?? $0.text } }
            })
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

    /// What every role has and what only one has, on normalised names ("TensorFlow" and
    /// "tensorflow." are one tool). Each name is shown as first written.
    fileprivate mutating func overlap(_ name: String, _ roles: [Role], _ names: (Role) -> [String]) {
        // Normalised name -> the name as first written, in order of first appearance.
        var display: OrderedDictionary<String, String> = [:]
        let sets: [Set<String>] = roles.map { role in
            var set: Set<String> = []
            for n in names(role) {
                let key = NameKey.normalise(n)
                guard !key.isEmpty else { continue }
                if display[key] == nil { display[key] = n }
                set.insert(key)
            }
            return set
        }
        field(name, object: { o in
            o.field("shared", display.filter { key, _ in sets.allSatisfy { $0.contains(key) } }.map(\.value))
            o.field("only", array: { a in
                for (index, role) in roles.enumerated() {
                    let mine = display.filter { key, _ in
                        sets[index].contains(key) && !sets.indices.contains { $0 != index && sets[$0].contains(key) }
                    }
                    a.object { o in
                        o.field("id", role.id)
                        o.field("items", mine.values.elements)
                    }
                }
            })
        })
    }
}

/// Matching key for names across articles: case, accents, punctuation, spacing and parenthesised
/// asides ("E-commerce (recommendation systems)" is "E-commerce") ignored.
enum NameKey {
    static func normalise(_ s: String, dropAsides: Bool = true) -> String {
        var out = ""
        var pendingSpace = false
        var depth = 0
        for scalar in TextFold.lowercasedWithoutAccents(s).unicodeScalars {
            if scalar == "(" && dropAsides {
                depth += 1
            } else if scalar == ")" && dropAsides {
                depth = max(0, depth - 1)
                pendingSpace = true
            } else if depth > 0 {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "+" || scalar == "#" {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        // A name that is all aside ("(Git)") keeps its words.
        return out.isEmpty && dropAsides ? normalise(s, dropAsides: false) : out
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CareersCore

/// `GET /compare`: 2 to 5 roles side by side. Works for any set of roles, compared by an article
/// or not, because it is computed from the merged role profiles; the articles that do compare a
/// pair are listed as sources.
extension Catalog {
    static let comparableRoles = 2...5
    static let letterParameters = ["a", "b", "c", "d", "e"]

    func compare(_ reader: inout QueryReader) -> Outcome {
        // Scalars, not Characters: "," followed by a combining mark or emoji modifier is still a comma.
        let listed = reader.values("roles").flatMap { $0.unicodeScalars.split(separator: ",") }.map { Substring($0).trimming(" \t") }
            .filter { !$0.isEmpty }.map { (param: "roles", text: $0) }
        let lettered = Catalog.letterParameters.compactMap { name in reader.string(name).map { (param: name, text: $0) } }
        if !listed.isEmpty, !lettered.isEmpty {
            reader.fail("roles", "give the roles either as roles=a,b or as a=…&b=…, not both")
        }
        let wanted = listed.isEmpty ? lettered : listed
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
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
            var sourceIDs: [String] = []
            o.field("pairs", array: { a in
                for i in roles.indices {
                    for j in roles.indices where j > i {
                        let articles = repository.articles.filter { article in
                            let ids = articleRoleIDs[article.id] ?? []
                            return ids.contains(roles[i].id) && ids.contains(roles[j].id)
                        }.map(\.id)
                        for id in articles where !sourceIDs.contains(id) { sourceIDs.append(id) }
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
        var display: [String: String] = [:]
        var order: [String] = []
        let sets: [Set<String>] = roles.map { role in
            var set: Set<String> = []
            for n in names(role) {
                let key = NameKey.normalise(n)
                guard !key.isEmpty else { continue }
                if display[key] == nil {
                    display[key] = n
                    order.append(key)
                }
                set.insert(key)
            }
            return set
        }
        field(name, object: { o in
            let shared = order.filter { key in sets.allSatisfy { $0.contains(key) } }
            o.field("shared", shared.compactMap { display[$0] })
            o.field("only", array: { a in
                for (index, role) in roles.enumerated() {
                    let mine = order.filter { key in
                        sets[index].contains(key) && !sets.indices.contains { $0 != index && sets[$0].contains(key) }
                    }
                    a.object { o in
                        o.field("id", role.id)
                        o.field("items", mine.compactMap { display[$0] })
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

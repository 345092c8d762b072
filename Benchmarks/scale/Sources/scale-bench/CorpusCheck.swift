import CareersCore
import Foundation

/// Compares what the parser extracted from a generated corpus with what the generator wrote
/// (manifest.json): roles, items per role and section, jobs and salaries per article.
enum CorpusCheck {
    struct Expected: Decodable {
        var file: String
        var roles: [String]
        var counts: [String: [String: Int]]
        var jobs: Int
        var salaries: Int
    }

    static func run(directory: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("manifest.json").path),
            let manifest = try? JSONDecoder().decode([Expected].self, from: data)
        else {
            print("no readable manifest.json in \(directory.path)")
            return false
        }
        let repository = Repository.load(directories: [directory], includeEmbedded: false)
        var problems: [String] = repository.report.rejected.map { "rejected \($0.file): \($0.reason) (line \($0.line ?? 0))" }
        for expected in manifest {
            let id = ArticleParser.articleID(fileName: expected.file)
            guard let article = repository.article(id: id) else {
                problems.append("\(expected.file): not loaded")
                continue
            }
            if article.roles != expected.roles { problems.append("\(expected.file): roles \(article.roles)") }
            for role in expected.roles {
                guard let profile = article.profiles.first(where: { $0.title == role }) else { continue }
                if profile.definition == nil { problems.append("\(expected.file): \(role) has no definition") }
                let actual = [
                    "responsibilities": profile.responsibilities.count, "skills": profile.skills.count,
                    "education": profile.education.count, "tools": profile.tools.count,
                    "industries": profile.industries.count, "tips": profile.tips.count,
                ]
                for (kind, count) in expected.counts[role] ?? [:] where actual[kind] != count {
                    problems.append("\(expected.file): \(role) \(kind) \(actual[kind] ?? -1) ≠ \(count)")
                }
            }
            if article.jobs.count != expected.jobs { problems.append("\(expected.file): \(article.jobs.count) jobs ≠ \(expected.jobs)") }
            let salaries = article.jobs.filter { $0.salary != nil }.count
            if salaries != expected.salaries { problems.append("\(expected.file): \(salaries) salaries ≠ \(expected.salaries)") }
        }
        print("checked \(manifest.count) articles: \(problems.count) problems")
        for problem in problems.prefix(30) { print("  " + problem) }
        return problems.isEmpty
    }
}

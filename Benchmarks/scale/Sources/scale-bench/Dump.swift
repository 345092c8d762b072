import CareersCore
import Foundation

/// Writes everything a repository holds as JSON lines (one article, role or job per line, keys
/// sorted), so that two builds of the parser can be compared byte for byte on a whole corpus:
/// a performance change must leave this output identical.
enum Dump {
    static func run(directory: URL, output: URL) -> Bool {
        let repository = Repository.load(directories: [directory], includeEmbedded: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        func write<T: Encodable>(_ kind: String, _ value: T) {
            data.append(Data((kind + " ").utf8))
            data.append((try? encoder.encode(value)) ?? Data("unencodable".utf8))
            data.append(0x0A)
        }
        repository.articles.forEach { write("article", $0) }
        repository.roles.forEach { write("role", $0) }
        repository.jobs.forEach { write("job", $0) }
        write("report", repository.report)
        do {
            try data.write(to: output)
        } catch {
            print("cannot write \(output.path): \(error)")
            return false
        }
        print("wrote \(repository.articles.count) articles, \(repository.roles.count) roles, \(repository.jobs.count) jobs to \(output.path)")
        return true
    }
}

import CareersCore
import Foundation

enum Benchmark {
    /// The same file set `serve --articles` reads (`SourceFiles`), named by file name.
    static func readFiles(_ directories: [URL]) -> [(name: String, bytes: [UInt8])] {
        directories.flatMap { directory in
            ((try? SourceFiles.articlePaths(inDirectory: directory.path)) ?? []).compactMap { path in
                (try? SourceFiles.readAll(path)).map { (URL(fileURLWithPath: path).lastPathComponent, $0) }
            }
        }
    }

    static func run(files: [(name: String, bytes: [UInt8])]) {
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let rssBefore = Memory.residentBytes()
        let clock = ContinuousClock()
        var repository: Repository?
        let cpuBefore = Memory.cpuSeconds()
        let buildTime = clock.measure { repository = Repository.build(files: files) }
        let buildCPU = Memory.cpuSeconds() - cpuBefore
        guard let repository else { return }
        let rssAfter = Memory.residentBytes()
        let cpuMerge = Memory.cpuSeconds()
        let mergeTime = clock.measure { _ = Repository(articles: repository.articles, report: repository.report) }
        let mergeCPU = Memory.cpuSeconds() - cpuMerge
        let counts = repository.counts
        print("corpus: \(files.count) files, \(bytes / 1024) KiB")
        print("loaded: \(counts.articles) articles, \(counts.roles) roles, \(counts.jobs) jobs (\(counts.postings) postings), \(counts.rejectedFiles) rejected")
        print("build (parse in parallel + merge + index): \(format(buildTime)) wall, \(String(format: "%.2f", buildCPU)) s CPU")
        print("  of which merge + index only:            \(format(mergeTime)) wall, \(String(format: "%.2f", mergeCPU)) s CPU")
        print("resident memory: +\((rssAfter - rssBefore) / 1_048_576) MiB after build (total \(rssAfter / 1_048_576) MiB, peak \(Memory.peakBytes() / 1_048_576) MiB)")
        queries(repository)
    }

    /// Profiling aid: every file parsed in turn on one thread, so the CPU time (and a profile or an
    /// instruction count of the run) is the parser's alone, without merging or thread scheduling.
    static func parseOnly(files: [(name: String, bytes: [UInt8])]) {
        let clock = ContinuousClock()
        var parsed = 0
        let cpuBefore = Memory.cpuSeconds()
        let time = clock.measure {
            for file in files where (try? ArticleParser.parse(bytes: file.bytes, fileName: file.name)) != nil { parsed += 1 }
        }
        let cpu = Memory.cpuSeconds() - cpuBefore
        print("parse only (one thread): \(parsed) of \(files.count) files, \(format(time)) wall, \(String(format: "%.2f", cpu)) s CPU")
    }

    static func queries(_ repository: Repository) {
        let total = repository.jobs.count
        let cases: [(String, JobFilter, JobSort?, Int)] = [
            ("all, sort=title, offset=0", JobFilter(), .title, 0),
            ("all, sort=salary_desc, offset=total/2", JobFilter(), .salaryDesc, total / 2),
            ("level=senior, sort=salary_desc", JobFilter(level: .senior), .salaryDesc, 0),
            ("remote=true&employment_type=full_time, sort=title, offset=100", JobFilter(remote: true, employmentType: .fullTime), .title, 100),
            ("q=data engineer&level=mid, sort=salary_asc", JobFilter(query: "data engineer", level: .mid), .salaryAsc, 0),
            ("salary_min=150000&currency=USD, sort=salary_desc", JobFilter(salaryMin: 150_000, currency: "USD"), .salaryDesc, 0),
            ("role=data-scientist, sort=company", JobFilter(role: "data-scientist"), .company, 0),
            ("role=data-scientist (title, similar, featured), offset=100", JobFilter(role: "data-scientist"), nil, 100),
            ("role=data-scientist&level=senior (title, similar, featured)", JobFilter(role: "data-scientist", level: .senior), nil, 0),
            ("company=acme&location=berlin", JobFilter(company: "acme", location: "berlin"), nil, 0),
            ("level=entry&employment_type=internship&remote=false, sort=title", JobFilter(remote: false, employmentType: .internship, level: .entry), .title, 0),
        ]
        print("job queries (limit 20; 200 runs each; median / p99 / max):")
        for (name, filter, sort, offset) in cases {
            var samples: [Duration] = []
            var matched = 0
            for _ in 0..<200 {
                let clock = ContinuousClock()
                let start = clock.now
                let page = repository.searchJobs(filter, sort: sort, offset: offset, limit: 20)
                samples.append(clock.now - start)
                matched = page.total
            }
            samples.sort()
            print("  \(name): \(format(samples[100])) / \(format(samples[197])) / \(format(samples[199]))  (\(matched) matches)")
        }
        print("job facets (all \(JobFacet.allCases.count) dimensions, facet_limit 10; 200 runs each; median / p99 / max):")
        for (name, filter) in [
            ("no filter", JobFilter()), ("level=senior", JobFilter(level: .senior)),
            ("remote=true&company=acme", JobFilter(company: "acme", remote: true)),
            ("q=data&currency=USD&salary_min=100000", JobFilter(query: "data", salaryMin: 100_000, currency: "USD")),
            ("role=data-scientist&employment_type=full_time&location=berlin", JobFilter(role: "data-scientist", location: "berlin", employmentType: .fullTime)),
        ] {
            var samples: [Duration] = []
            for _ in 0..<200 {
                let clock = ContinuousClock()
                let start = clock.now
                _ = repository.jobFacets(filter, facets: JobFacet.allCases, limit: 10)
                samples.append(clock.now - start)
            }
            samples.sort()
            print("  \(name): \(format(samples[100])) / \(format(samples[197])) / \(format(samples[199]))")
        }
        let indexClock = ContinuousClock()
        let indexStart = indexClock.now
        let suggestions = repository.makeSuggestIndex()
        print("suggest index (built on the first /suggest): \(format(indexClock.now - indexStart))")
        print("suggest (limit 10; 500 runs each; median / p99 / max):")
        for query in ["d", "data", "lead mach", "machne lerning", "acme", "xqzv"] {
            var samples: [Duration] = []
            var found = 0
            for _ in 0..<500 {
                let clock = ContinuousClock()
                let start = clock.now
                found = suggestions.suggest(query, limit: 10).count
                samples.append(clock.now - start)
            }
            samples.sort()
            print("  q=\(query): \(format(samples[250])) / \(format(samples[495])) / \(format(samples[499]))  (\(found) found)")
        }
        for query in ["ml engneer", "lead data scientst", "Principal AI Scientist"] {
            var samples: [Duration] = []
            for _ in 0..<50 {
                let clock = ContinuousClock()
                let start = clock.now
                _ = repository.searchRoles(RoleFilter(query: query))
                samples.append(clock.now - start)
            }
            samples.sort()
            print("  roles q=\(query): median \(format(samples[25])) (\(repository.roles.count) roles)")
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f µs", seconds * 1e6)
    }
}

enum Memory {
    /// CPU time of the whole process: on a shared machine, wall time also measures the neighbours.
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func residentBytes() -> Int { statusField("VmRSS:") }
    static func peakBytes() -> Int { statusField("VmHWM:") }

    private static func statusField(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

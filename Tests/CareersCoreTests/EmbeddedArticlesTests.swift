import CareersCore
import Foundation
import Testing

@Suite struct EmbeddedArticlesTests {
    /// The binary must carry the seed articles byte for byte: they are the product's data.
    @Test func embeddedArticlesMatchResourcesByteForByte() throws {
        let resources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: resources.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let embedded = EmbeddedArticles.all()
        #expect(embedded.map(\.name) == names)
        #expect(embedded.count == 4)
        for file in embedded {
            let onDisk = try [UInt8](Data(contentsOf: resources.appendingPathComponent(file.name)))
            #expect(file.bytes == onDisk, "\(file.name) differs from Resources/")
        }
    }
}

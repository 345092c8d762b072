#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The articles shipped in `Resources/`, compiled into the binary by the EmbedArticles plugin.
public enum EmbeddedArticles {
    /// Each embedded article's file name and exact bytes, sorted by file name.
    public static func all() -> [(name: String, bytes: [UInt8])] {
        EmbeddedArticleData.files.compactMap { file in
            guard let data = Data(base64Encoded: file.base64) else { return nil }
            return (file.name, [UInt8](data))
        }
    }
}

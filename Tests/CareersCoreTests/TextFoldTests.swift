import CareersCore
import Testing

@Suite struct TextFoldTests {
    @Test func foldsAccentsAndCase() {
        #expect(TextFold.lowercasedWithoutAccents("Ingénieur ML") == "ingenieur ml")
        #expect(TextFold.lowercasedWithoutAccents("Straße") == "strasse")
        #expect(TextFold.lowercasedWithoutAccents("Æsir Ørsted Łódź Œuvre Þór") == "aesir orsted lodz oeuvre thor")
        #expect(TextFold.lowercasedWithoutAccents("ÀÉÎÕÜ Ÿ ñ Ç İ") == "aeiou y n c i")
    }

    @Test func decomposedAccentsFoldLikeComposedOnes() {
        // "e" + U+0301 COMBINING ACUTE ACCENT, as some editors save "é".
        #expect(TextFold.lowercasedWithoutAccents("Inge\u{301}nieur") == "ingenieur")
    }

    @Test func keepsPunctuationAndOtherScripts() {
        #expect(TextFold.lowercasedWithoutAccents("Data-Scientist (Sr.) × 2") == "data-scientist (sr.) × 2")
        #expect(TextFold.lowercasedWithoutAccents("ΔΕΔΟΜΕΝΑ Данные") == "δεδομενα данные")
    }

    @Test func everyLatinLetterFoldsToASCII() {
        // The table covers U+00C0…U+024F; letters with an ASCII base must not survive folding.
        for value in UInt32(0xC0)...0x17F where value != 0xD7 && value != 0xF7 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = TextFold.lowercasedWithoutAccents(String(scalar))
            #expect(folded.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isLowercase }, "U+\(String(value, radix: 16)) → \(folded)")
        }
    }

    @Test func roleSearchIgnoresAccents() {
        let seeds = Repository.embedded()
        let plain = seeds.searchRoles(RoleFilter(query: "data scientist")).map(\.id)
        #expect(!plain.isEmpty)
        #expect(seeds.searchRoles(RoleFilter(query: "DÀTA Sciéntist")).map(\.id) == plain)
    }
}

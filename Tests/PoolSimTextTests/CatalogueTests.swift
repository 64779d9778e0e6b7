import Foundation
import Testing
@testable import PoolSimText

/// Every key has its text in every language, with the same placeholders.
@Suite("catalogue")
struct CatalogueTests {
    static func check<Section: TextSection>(_ section: Section.Type) -> [String] {
        var problems: [String] = []
        for key in Section.allCases {
            let english = Section.table(.en)[key]
            for language in Language.allCases {
                guard let text = Section.table(language)[key] else {
                    problems.append("\(Section.self).\(key.rawValue) has no \(language.rawValue) text")
                    continue
                }
                if text.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append("\(Section.self).\(key.rawValue) is empty in \(language.rawValue)")
                }
                if let english, Set(Catalogue.placeholders(text)) != Set(Catalogue.placeholders(english)) {
                    problems.append("\(Section.self).\(key.rawValue): the \(language.rawValue) placeholders "
                        + "\(Catalogue.placeholders(text)) are not the English ones \(Catalogue.placeholders(english))")
                }
            }
        }
        return problems
    }

    @Test("every section is complete in both languages")
    func complete() {
        var problems: [String] = []
        for section in Catalogue.sections { problems += Self.check(section) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("Chinese texts are Chinese: each has a Chinese character or is on the list of shared words")
    func chineseIsChinese() {
        func hasHan(_ text: String) -> Bool {
            text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) }
        }
        var untranslated: [String] = []
        func check<Section: TextSection>(_ section: Section.Type) {
            for key in Section.allCases {
                let text = Catalogue.fill(Section.table(.zh)[key] ?? "", [:])
                let stripped = Catalogue.placeholders(text).reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
                let letters = stripped.filter(\.isLetter)
                if !letters.isEmpty, !hasHan(stripped), !CatalogueTests.shared.contains(stripped.trimmingCharacters(in: .whitespaces)) {
                    untranslated.append("\(Section.self).\(key.rawValue): \(text)")
                }
            }
        }
        for section in Catalogue.sections { check(section) }
        #expect(untranslated.isEmpty, "\(untranslated.joined(separator: "\n"))")
    }

    /// Texts that read the same in Chinese: abbreviations and symbols.
    static let shared: Set<String> = ["VaR", "ES", "PD", "LGD", "P50", "P5", "P95", "P99", "VaR 99%", "ES 99%"]

    @Test("placeholders are filled by name, and unknown ones stay as written")
    func fill() {
        #expect(Catalogue.fill("{a} and {b}", ["a": "1", "b": "2"]) == "1 and 2")
        #expect(Catalogue.fill("{a} and {c}", ["a": "1"]) == "1 and {c}")
        #expect(Catalogue.fill("no braces", ["a": "1"]) == "no braces")
        #expect(Catalogue.placeholders("{x}/{y} {x}") == ["x", "y", "x"])
        #expect(RunText.resultsWritten.text(.zh, ["path": "results/x"]) == "结果已写入 results/x")
    }

    @Test("the language: --lang, then POOLSIM_LANG, then the locale, else English")
    func resolve() {
        #expect(Language.resolve(.en, environment: ["POOLSIM_LANG": "zh"]) == .en)
        #expect(Language.resolve(nil, environment: ["POOLSIM_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.resolve(nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.resolve(nil, environment: ["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .zh)
        #expect(Language.resolve(nil, environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.resolve(nil, environment: ["POOLSIM_LANG": "klingon", "LANG": "zh_CN"]) == .zh)
        #expect(Language.resolve(nil, environment: [:]) == .en)
    }
}

import PoolSimScenario
import Testing

/// Random damage to a valid file never crashes the loader: it loads, or it
/// fails with diagnostics that name the file.
@Suite struct MutationTests {
    static func mutate(_ text: String, random: inout TestRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        switch random.below(6) {
        case 0:
            lines.remove(at: random.below(lines.count))
        case 1:
            var characters = Array(text)
            let replacements: [Character] = ["-", ":", "{", "}", "[", "]", "\"", "'", "#", " ", "\t", "x", "9", ",", "=", "é", "\n"]
            characters[random.below(characters.count)] = replacements[random.below(replacements.count)]
            return String(characters)
        case 2:
            let a = random.below(lines.count), b = random.below(lines.count)
            let valueA = lines[a].split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
            let valueB = lines[b].split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
            lines[a] = lines[a].replacingOccurrences(of: valueA, with: valueB)
            lines[b] = lines[b].replacingOccurrences(of: valueB, with: valueA)
        case 3:
            return String(text.prefix(random.below(text.count)))
        case 4:
            lines.insert(lines[random.below(lines.count)], at: random.below(lines.count))
        default:
            lines.swapAt(random.below(lines.count), random.below(lines.count))
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [(ScenarioFormat.yaml, "small.yaml", 400), (.json, "small.json", 150), (.toml, "small.toml", 150)])
    func mutationsNeverCrash(_ format: ScenarioFormat, _ name: String, _ count: Int) throws {
        let original = try Fixtures.text(name)
        var random = TestRandom(state: 20_220_126)
        var loaded = 0, rejected = 0
        for _ in 0..<count {
            var text = original
            for _ in 0...random.below(3) { text = Self.mutate(text, random: &random) }
            do {
                _ = try ScenarioLoader.load(contents: text, format: format, file: name)
                loaded += 1
            } catch {
                rejected += 1
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.location.file == name && !$0.message.description.isEmpty })
                #expect(error.diagnostics.allSatisfy { $0.rendered(.zh).hasPrefix($0.location.rendered + ": ") })
                #expect(error.diagnostics.contains { $0.severity == .error })
            }
        }
        #expect(loaded + rejected == count)
        #expect(rejected > count / 4)
    }
}

import TestSupport
import Testing

@testable import EntityRecognition

/// The trie matcher against a naive one: for every start position, try every alias and keep the
/// longest whose folded tokens equal the text's, leftmost first.
struct MatcherPropertyTests {
    static let words = ["ala", "bob", "cyd", "dan", "eve", "fox", "gus", "hal", "ivy", "jon"]

    func naiveMatches(_ tokens: [Token], aliases: [[String]]) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var position = 0
        while position < tokens.count {
            var best = 0
            for alias in aliases where alias.count > best && position + alias.count <= tokens.count {
                let slice = tokens[position..<position + alias.count]
                if zip(slice, alias).allSatisfy({ $0.key == $1 }),
                    !slice.dropFirst().contains(where: { $0.lineBreaksBefore > 0 })
                {
                    best = alias.count
                }
            }
            if best > 0 {
                result.append((position, position + best))
                position += best
            } else {
                position += 1
            }
        }
        return result
    }

    @Test(arguments: 0..<20)
    func trieAgreesWithNaiveMatcher(round: Int) throws {
        let seed = UInt64(0xE4717 + round)
        var random = SeededGenerator(seed: seed)
        var aliases: [[String]] = []
        var gazetteer = Gazetteer()
        var source = ""
        for number in 0..<30 {
            let length = Int.random(in: 1...4, using: &random)
            let alias = (0..<length).map { _ in Self.words.randomElement(using: &random)! }
            aliases.append(alias)
            source += "e\(number)\tperson\tE\(number)\n\t*\t\(alias.joined(separator: " "))\n"
        }
        try gazetteer.parseEntityFile(source, file: "random.gaz")
        let recognizer = Recognizer(
            index: AliasIndex(gazetteer: gazetteer),
            options: RecognitionOptions(language: "und"))
        for document in 0..<50 {
            let count = Int.random(in: 0...60, using: &random)
            let text = (0..<count).map { _ -> String in
                // Some words with a capital, so that walks start from both kinds.
                let word = Self.words.randomElement(using: &random)!.capitalized(if: Int.random(in: 0..<3, using: &random) == 0)
                let separator = [" ", " ", " ", "\n", ", "].randomElement(using: &random)!
                return word + separator
            }.joined()
            let tokens = Tokenizer.tokens(in: text)
            let expected = naiveMatches(tokens, aliases: aliases).map { "\(tokens[$0.0].start)-\(tokens[$0.1 - 1].end)" }
            let found = recognizer.recognize(Document(id: "d", text: text)).mentions.map { "\($0.start)-\($0.end)" }
            #expect(found == expected, "seed \(seed), document \(document): \(text.debugDescription)")
        }
    }
}

extension String {
    fileprivate func capitalized(if condition: Bool) -> String { condition ? prefix(1).uppercased() + dropFirst() : self }
}

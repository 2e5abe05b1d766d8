/// A word, a number or a punctuation mark of running text, with where it is and how it reads
/// folded (lowercase, accents dropped) for the vocabulary.
struct TextToken: Sendable {
    enum Kind: Sendable, Equatable {
        case word, number, mark
    }

    let kind: Kind
    /// Offsets in code points.
    let start: Int
    let end: Int
    /// Lowercase without accents, apostrophes straightened; the mark itself for a mark.
    let folded: String
    /// Whether white space comes right before it ("COVID-19": the "19" has none).
    let isSpaced: Bool
    /// A word starting with a capital letter.
    let isCapitalized: Bool

    /// The value of a number of at most nine digits, else nil.
    var number: Int? {
        guard kind == .number, folded.utf8.count <= 9 else { return nil }
        return Int(folded)
    }

    /// The number of digits of a number.
    var digitCount: Int { kind == .number ? folded.utf8.count : 0 }

    func isMark(_ mark: String) -> Bool { kind == .mark && folded == mark }
}

extension TextToken {
    /// The tokens of `scalars[range]`: runs of letters, runs of digits, and every other visible
    /// scalar on its own. Apostrophes split words ("l'année" is "l", "'", "annee").
    static func tokens(of scalars: [Unicode.Scalar], in range: Range<Int>, folding cache: inout [UInt32: String]) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = range.lowerBound
        var spaced = true
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar.isWhiteSpace || scalar == "\u{200B}" {
                spaced = true
                index += 1
                continue
            }
            let start = index
            if scalar.isASCIIDigit {
                var digits: [UInt8] = []
                while index < range.upperBound, scalars[index].isASCIIDigit {
                    digits.append(UInt8(scalars[index].value))
                    index += 1
                }
                tokens.append(
                    TextToken(
                        kind: .number, start: start, end: index, folded: String(decoding: digits, as: UTF8.self), isSpaced: spaced,
                        isCapitalized: false))
            } else if scalar.isLetter {
                // Folded into UTF-8 bytes: ASCII letters directly, others through the cache.
                var folded: [UInt8] = []
                while index < range.upperBound, scalars[index].isLetter {
                    let letter = scalars[index]
                    if letter.value < 0x80 {
                        folded.append(UInt8(letter.value | (letter.value >= 0x41 && letter.value <= 0x5A ? 0x20 : 0)))
                    } else {
                        folded.append(contentsOf: letter.folded(cache: &cache).utf8)
                    }
                    index += 1
                }
                let isCapitalized = scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
                tokens.append(
                    TextToken(
                        kind: .word, start: start, end: index, folded: String(decoding: folded, as: UTF8.self), isSpaced: spaced,
                        isCapitalized: isCapitalized))
            } else {
                index += 1
                let mark = scalar == "’" || scalar == "‘" || scalar == "`" ? "'" : String(scalar)
                tokens.append(TextToken(kind: .mark, start: start, end: index, folded: mark, isSpaced: spaced, isCapitalized: false))
            }
            spaced = false
        }
        return tokens
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter of a word: ASCII letters decided directly, others by the Alphabetic property.
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// Lowercase, without accents ("É" is "e", "œ" is "oe"); ASCII is mapped directly, anything
    /// else once per scalar value into `cache`.
    func folded(cache: inout [UInt32: String]) -> String {
        if value < 0x80 {
            return String(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : self)
        }
        if let known = cache[value] { return known }
        let folded: String =
            switch self {
            case "œ", "Œ": "oe"
            case "æ", "Æ": "ae"
            case "ß": "ss"
            default: String(self).lowercased().foldingDiacritics
            }
        cache[value] = folded
        return folded
    }
}

@_spi(_Unicode) import Swift  // String._nfd: canonical decomposition, as String+Normalizing reads it

/// Text written in ASCII letters, for ids made from titles: "Ærø" is `aero`, "Łódź" `lodz`,
/// "Straße" `strasse`, "Œuvre" `oeuvre`, "Москва" `moskva`, "Αθήνα" `athina`.
///
/// Latin letters lose their accents or are spelt out (æ → ae, ø → o, ł → l, þ → th); Greek and
/// Cyrillic letters are written as English-language newsrooms write them (ELOT 743 and BGN/PCGN,
/// simplified: ж → zh, щ → shch, θ → th, χ → ch). Digits of every script become ASCII digits.
/// Other scripts (Chinese, Arabic, Hebrew, Devanagari, ...) have no table here: text with one of
/// their letters has no ASCII words at all, rather than words with letters silently missing.
enum Transliteration {
    /// The words of `text` in lowercase ASCII letters and digits, split wherever `text` has
    /// something else than letters, digits and accents (spaces, punctuation, symbols); nil when
    /// a letter of `text` has no ASCII spelling here.
    static func asciiWords(of text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { word.unicodeScalars.append(scalar) } else { endWord() }
                continue
            }
            let properties = scalar.properties
            // Accents and modifier letters (the apostrophe of "Хмельницькʼий") belong to their word.
            if properties.isGraphemeExtend || properties.generalCategory == .modifierLetter { continue }
            if let latin = latin(for: scalar) {
                word += latin
            } else if properties.isAlphabetic {
                return nil
            } else {
                endWord()
            }
        }
        endWord()
        return words
    }

    /// The ASCII spelling of a lowercase letter or digit, or nil.
    private static func latin(for scalar: Unicode.Scalar) -> String? {
        if let spelling = spellings[scalar] { return spelling }
        let properties = scalar.properties
        if properties.numericType == .decimal, let value = properties.numericValue { return String(Int(value)) }
        if (0xFF41...0xFF5A).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value) {  // full-width ａ, ０
            return Unicode.Scalar(scalar.value - 0xFEE0).map(String.init)
        }
        // A letter with accents: its base letter ("é" → "e", "ά" → "α" → "a").
        var decomposition = String(scalar)._nfd.makeIterator()
        guard let base = decomposition.next(), base != scalar else { return nil }
        if ("a"..."z").contains(base) { return String(base) }
        return spellings[base]
    }

    /// Letters without a decomposition to an ASCII letter, lowercase: Latin ones of their own,
    /// then Greek, then Cyrillic.
    private static let spellings: [Unicode.Scalar: String] = [
        // Latin
        "æ": "ae", "ø": "o", "ß": "ss", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ĸ": "q",
        "ŀ": "l", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ſ": "s", "ĳ": "ij", "ǆ": "dz", "ǉ": "lj", "ǌ": "nj", "ǳ": "dz",
        "ƀ": "b", "ƒ": "f", "ǥ": "g", "ɨ": "i", "ƚ": "l", "ɲ": "n", "ɵ": "o", "ʉ": "u", "ƶ": "z", "ʒ": "z",
        "ǝ": "e", "ə": "e", "ɛ": "e", "ɔ": "o", "ŉ": "n", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
        "ﬅ": "st", "ﬆ": "st",
        // Greek
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
        // Cyrillic: Russian, then the letters of Ukrainian, Belarusian, Serbian, Macedonian, Kazakh
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j",
        "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ә": "a", "ғ": "g", "қ": "q",
        "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    ]
}

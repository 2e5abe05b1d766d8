@_spi(_Unicode) import Swift  // String._nfd: canonical decomposition, as swift-foundation itself reads it

extension Unicode.Scalar {
    /// White space as Unicode defines it (the `White_Space` property), decided without a
    /// property lookup: these normalizations run on every field of every imported record.
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension Unicode.Scalar {
    /// The base letter when the scalar's canonical decomposition is a Latin, Greek or Cyrillic
    /// letter plus accents from the Combining Diacritical Marks block (U+0300–U+036F), else the
    /// scalar itself.
    fileprivate var withoutAccents: Unicode.Scalar {
        var decomposition = String(self)._nfd.makeIterator()
        guard let base = decomposition.next(), base != self, base.value < 0x510 else { return self }
        while let mark = decomposition.next() {
            guard (0x300...0x36F).contains(mark.value) else { return self }
        }
        return base
    }
}

extension String {
    /// True when a UTF-8 byte of the string satisfies `predicate`, scanning the string's own
    /// storage in one tight loop: exporters and validators ask this of every field.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }

    /// The text without leading or trailing whitespace.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
            let last = scalars.lastIndex(where: { !$0.isWhiteSpace })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// One-line text: trimmed, every run of whitespace made one space ("Mayo  Clinic" → "Mayo Clinic").
    var collapsingWhitespace: String {
        // Most text is already so, and is returned as it is, without a copy.
        var isClean = true
        var previousWasSpace = true
        for scalar in unicodeScalars {
            if scalar.isWhiteSpace {
                if previousWasSpace || scalar != " " {
                    isClean = false
                    break
                }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if isClean && (!previousWasSpace || isEmpty) { return self }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Nil for an empty or all-blank string: optional fields never store "".
    var nonBlank: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text without accents: "Clínica Mayo" → "Clinica Mayo", "Ærø" and "सेन" kept as they are.
    ///
    /// What Foundation's diacritic-insensitive folding does, without Foundation (whose size and
    /// start-up cost every command paid): a Latin, Greek or Cyrillic letter (below U+0510) loses
    /// the combining marks that follow it, and a precomposed one becomes its base letter when its
    /// canonical decomposition is that letter plus accents from the Combining Diacritical Marks
    /// block ("é" → "e", "ệ" → "e", "ἀ" → "α"); the Latin-range marks themselves go wherever they
    /// are. Other scripts keep their marks, whose vowel signs and viramas tell words apart
    /// ("सेन" is not "सन"). Checked against Foundation on every scalar alone and on every mark after
    /// letters of 18 scripts: the same but for marks of Unicode versions newer than its tables.
    var foldingDiacritics: String {
        var folded = String.UnicodeScalarView()
        var afterLatinGreekOrCyrillic = false
        for scalar in unicodeScalars {
            if scalar.properties.isGraphemeExtend {
                if scalar.value < 0x510 || afterLatinGreekOrCyrillic { continue }
                folded.append(scalar)
            } else {
                let letter = scalar.value < 0xC0 ? scalar : scalar.withoutAccents
                folded.append(letter)
                afterLatinGreekOrCyrillic = letter.value < 0x510
            }
        }
        return String(folded)
    }

    /// How names are matched everywhere (actors, tags, kinds): case in every script, accents
    /// and spacing ignored ("  mayo CLÍNIC" and "Mayo Clinic" are the same actor, "DONNÉES DE
    /// SANTÉ" and "données de santé" the same tag, "STRASSE" and "Straße" the same word).
    public var matchKey: String {
        // ASCII has no accents to fold.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased().collapsingWhitespace }
        // Lowercased first: "İ" becomes "i" and a dot above, which folding then drops.
        return lowercased().foldingCaseExceptions.foldingDiacritics.collapsingWhitespace
    }

    /// The lowercase letters that `lowercased()` leaves, but case folding makes another: "ß" is
    /// "ss" (as "STRASSE" lowercases to "strasse"), a final "ς" is "σ" (as "ΟΔΟΣ" lowercases to
    /// "οδοσ").
    private var foldingCaseExceptions: String {
        guard unicodeScalars.contains(where: { $0 == "ß" || $0 == "ς" }) else { return self }
        var folded = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "ß": folded.append(contentsOf: "ss".unicodeScalars)
            case "ς": folded.append("σ")
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// Looser still, for finding likely duplicates: punctuation and spaces ignored too
    /// ("Google, Inc." and "Google Inc").
    var similarityKey: String {
        // ASCII text, in one pass over its bytes: `check` asks this of every event's title.
        if let ascii = utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: key[count] = byte
                    case 0x41...0x5A: key[count] = byte + 0x20
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }), let ascii {
            return ascii
        }
        var key = String.UnicodeScalarView()
        for scalar in matchKey.unicodeScalars {
            if scalar.isASCII {  // most of it, told apart without a property lookup
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { key.append(scalar) }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                key.append(scalar)  // letters, marks and numbers: Foundation's `alphanumerics`
            default:
                continue
            }
        }
        return String(key)
    }

    /// The text with each key of `replacements` replaced by its value, in one pass (writers
    /// escaping HTML, CSV, Markdown link targets, iCalendar dates).
    func replacingAll(_ replacements: [Character: String]) -> String {
        var result = ""
        for character in self {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}

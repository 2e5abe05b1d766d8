extension Unicode.Scalar {
    /// How many columns a terminal gives this scalar: 2 for the wide characters of East Asian
    /// scripts and for emoji, 0 for a combining mark (the accent of an `e` + U+0301 adds none)
    /// or an invisible format character (a zero-width space), else 1. So an accented letter is
    /// one column however it is encoded. A close approximation of `wcwidth`, without its tables.
    var terminalColumns: Int {
        switch value {
        case 0x20..<0x7F, 0xA0...0x2FF, 0x09: return 1  // ASCII, Latin-1 and Latin Extended letters; a tab, at least
        case 0x300...0x36F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064: return 0  // combining accents, invisible marks
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2  // Hangul Jamo, CJK, kana, Hangul syllables, fullwidth forms, ideographs of planes 2 and 3
        case 0..<0x20, 0x7F..<0xA0: return 0  // control characters
        default:
            if properties.isEmojiPresentation { return 2 }
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return 0
            default: return 1
            }
        }
    }
}

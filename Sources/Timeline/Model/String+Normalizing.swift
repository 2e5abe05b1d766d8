import Foundation

extension String {
    /// The text without leading or trailing whitespace.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// One-line text: trimmed, every run of whitespace made one space ("Mayo  Clinic" → "Mayo Clinic").
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Nil for an empty or all-blank string: optional fields never store "".
    var nonBlank: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text without accents: "Clínica Mayo" → "Clinica Mayo".
    var foldingDiacritics: String {
        folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// How actor names are matched everywhere: case, accents and spacing ignored
    /// ("  mayo CLÍNIC" and "Mayo Clinic" are the same actor).
    public var matchKey: String {
        foldingDiacritics.lowercased().collapsingWhitespace
    }

    /// Looser still, for finding likely duplicates: punctuation and spaces ignored too
    /// ("Google, Inc." and "Google Inc").
    var similarityKey: String {
        String(matchKey.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

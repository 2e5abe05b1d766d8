extension String {
    /// The text without leading or trailing whitespace and with inner runs of whitespace
    /// (including newlines in names) kept as typed; see `collapsingWhitespace` for names.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// One-line names: trimmed, every run of whitespace made one space ("Mayo  Clinic" → "Mayo Clinic").
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Nil for an empty or all-blank string: optional fields never store "".
    var nonBlank: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}

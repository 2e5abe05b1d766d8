extension Character {
    /// True for the ASCII digits 0-9 only (not other scripts' digits).
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension StringProtocol {
    /// True when the text is non-empty and made only of ASCII digits
    /// (unlike `Int(_:)`, which also accepts a sign).
    var isASCIIDigits: Bool { !utf8.isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}

extension Int {
    /// The number in decimal, left-padded with zeros to at least `width` digits ("0033").
    func zeroPadded(to width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

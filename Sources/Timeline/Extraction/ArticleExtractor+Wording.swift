extension ArticleExtractor {
    /// The article's source id, made from its title, else its address, else `article`.
    static func sourceID(title: String?, url: String?) -> String {
        if let title, !title.isEmpty { return Identifier.slug(from: title, fallback: "article") }
        guard let url, !url.isEmpty else { return "article" }
        let withoutScheme = url.split(separator: "://", maxSplits: 1).last.map(String.init) ?? url
        return Identifier.slug(from: withoutScheme, fallback: "article")
    }

    /// A short title from a sentence: without its date and the word that introduces it, cut at a
    /// comma or a word boundary past 100 characters, quotation marks dropped, capitalised.
    static func title(of sentence: String, leavingOut date: TimeMention, sentenceStart: Int) -> String {
        var scalars = Array(sentence.unicodeScalars)
        var lower = date.start - sentenceStart
        let upper = date.end - sentenceStart
        // The word before the date when it only introduces it: le, en, in, on, au, the.
        var before = lower
        while before > 0, scalars[before - 1].isWhiteSpace { before -= 1 }
        var wordStart = before
        while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
        let introducer = String(String.UnicodeScalarView(scalars[wordStart..<before])).lowercased()
        if ["le", "en", "in", "on", "au", "the", "depuis", "since"].contains(introducer),
            wordStart == 0 || scalars[wordStart - 1].isWhiteSpace || scalars[wordStart - 1] == "("
        {
            lower = wordStart
        }
        if lower >= 0, upper <= scalars.count, lower < upper { scalars.removeSubrange(lower..<upper) }
        var text = String(String.UnicodeScalarView(scalars.filter { !["«", "»", "“", "”", "\""].contains($0) }))
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        text = String(text.drop(while: { !$0.isLetter && !$0.isNumber }))
        while let last = text.last, !last.isLetter && !last.isNumber && last != ")" { text.removeLast() }
        text = text.replacing(" ,", with: ",")
        if text.count > 100 {
            let head = text.prefix(100)
            if let comma = head.ranges(of: ", ").last, head.distance(from: head.startIndex, to: comma.lowerBound) >= 50 {
                text = String(head[..<comma.lowerBound])
            } else if let space = head.lastIndex(of: " ") {
                text = String(head[..<space]) + "…"
            } else {
                text = String(head) + "…"
            }
        }
        guard let first = text.first else { return sentence }
        return first.uppercased() + text.dropFirst()
    }

    /// "Mayo Clinic: « Mayo Clinic a choisi Google Cloud comme pierre angulaire… »".
    static func statementTitle(speaker: String, words: String, language: String) -> String {
        let all = words.split(whereSeparator: \.isWhitespace)
        var quoted = all.prefix(8).joined(separator: " ")
        if all.count > 8 { quoted += "…" }
        return language == "fr" ? "\(speaker) : « \(quoted) »" : "\(speaker): “\(quoted)”"
    }

    /// A short line that says who spoke and when, under a quotation: "Mayo Clinic, septembre
    /// 2019", "Sundar Pichai, PDG de Google, septembre 2019".
    static func isAttributionLine(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !".!?:»”\"".unicodeScalars.contains(last) else { return false }
        var words = 0
        var inWord = false
        var hasSeparator = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" { return false }
            if scalar == "," || scalar == "/" || scalar == ";" { hasSeparator = true }
            if scalar.isWhiteSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > 15 { return false }
            }
        }
        return hasSeparator
    }

    /// "a ten-year partnership announced on 10 September 2019": the span from the date through
    /// the years the sentence counts, when the date is a single point.
    static func proposedSpan(from date: PartialDate, mentions: [TimeMention]) -> String? {
        guard !date.isInterval,
            let duration = mentions.first(where: { $0.kind == .duration && ($0.value?.hasSuffix("Y") ?? false) }),
            let years = duration.value.flatMap({ Int($0.dropFirst().dropLast()) }), let start = date.earliest
        else { return nil }
        switch date.precision {
        case .year: return "\(start.year)/\(start.year + years)"
        case .month: return "\(date.edtf.prefix(7))/\(start.year + years)-\(date.edtf.dropFirst(5).prefix(2))"
        case .day:
            let end =
                Day(year: start.year + years, month: start.month, day: start.day)
                ?? Day(year: start.year + years, month: start.month, day: start.day - 1)
            return end.map { "\(start.iso)/\($0.iso)" }
        }
    }
}

/// Which of English and French an article is written in.
enum ExtractionLanguage {
    private static let french: Set<String> = [
        "le", "la", "les", "des", "est", "une", "dans", "et", "que", "qui", "pour", "avec", "sur", "du", "au", "aux",
        "ont", "sont", "pas", "nous", "cette",
    ]
    private static let english: Set<String> = [
        "the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "said", "are", "were", "this", "has",
        "have", "it", "its", "by",
    ]

    /// `fr` or `en`, by the common words of each; `en` when the text has none.
    static func guess(for article: ArticleText) -> String {
        var frenchCount = 0
        var englishCount = 0
        var cache: [UInt32: String] = [:]
        for paragraph in article.paragraphs.prefix(40) {
            for token in TextToken.tokens(of: article.scalars, in: paragraph, folding: &cache) where token.kind == .word {
                if french.contains(token.folded) { frenchCount += 1 }
                if english.contains(token.folded) { englishCount += 1 }
            }
        }
        return frenchCount > englishCount ? "fr" : "en"
    }
}

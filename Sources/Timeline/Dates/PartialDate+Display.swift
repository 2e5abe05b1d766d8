extension PartialDate {
    /// Compact, honest English for people: "10 Sep 2019", "c. Apr 2021?", "2010s",
    /// "Sep 2019 (day unknown)", "10 Sep 2019 – present", "… – 2022", "? – 2022".
    ///
    /// Parsing the display gives back the same date, so it can be shown for editing.
    public var display: String {
        switch form {
        case .single(let point):
            point.display
        case .interval(let start, let end):
            "\(start.display(isStart: true)) – \(end.display(isStart: false))"
        }
    }
}

extension IntervalEnd {
    func display(isStart: Bool) -> String {
        switch self {
        case .date(let point): point.display
        case .open: isStart ? "…" : "present"
        case .unknown: "?"
        }
    }
}

extension DatePoint {
    /// "c. " before an approximate date, "?" after an uncertain one. Seasons and thirds of a year are
    /// named: "spring 2021", "winter 2022-23" (December 2022 to February 2023), "early 2022", "mid-2022".
    var display: String {
        (isApproximate ? "c. " : "") + plainDisplay + (isUncertain ? "?" : "")
    }

    private var plainDisplay: String {
        let year = yearPrefix.zeroPadded(to: 4)
        switch (unspecifiedYearDigits, month, day) {
        case (1, _, _):
            let start = yearPrefix * 10
            return start.isMultiple(of: 100) ? "\(start)s (decade)" : "\(start)s"
        case (2, _, _):
            return "\(yearPrefix * 100)s"
        case (_, nil, _):
            return year
        case (_, .unspecified, nil):
            return "\(year) (month unknown)"
        case (_, .unspecified, _):
            return "\(year) (month and day unknown)"
        case (_, .known(let code), nil) where grouping != nil:
            let grouping = SubYearGrouping(rawValue: code)!
            switch grouping {
            case .winter: return "winter \(year)-\(((yearPrefix + 1) % 100).zeroPadded(to: 2))"
            case .mid: return "mid-\(year)"
            default: return "\(grouping.englishName) \(year)"
            }
        case (_, .known(let month), nil):
            return "\(Self.abbreviation(month)) \(year)"
        case (_, .known(let month), .unspecified):
            return "\(Self.abbreviation(month)) \(year) (day unknown)"
        case (_, .known(let month), .known(let day)):
            return "\(day) \(Self.abbreviation(month)) \(year)"
        }
    }

    private static func abbreviation(_ month: Int) -> String {
        String(Day.englishMonthNames[month - 1].prefix(3))
    }
}

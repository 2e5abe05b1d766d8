import Foundation
import Testing
import Timeline

/// The day every test treats as today, so "today" is reproducible.
private let fixedToday = Day(year: 2024, month: 3, day: 15)!

private func parse(_ text: String) throws(DateParseError) -> PartialDate {
    try PartialDate(parsing: text, today: fixedToday)
}

/// A valid input and everything expected of the date it parses to.
struct PartialDateCase: Sendable, CustomTestStringConvertible {
    /// Expected flags, spelled as a set so each row stays short.
    enum Flag: Sendable {
        case uncertain, approximate, interval, ongoing
    }

    let input: String
    let edtf: String
    let earliest: String?
    let latest: String?
    let precision: DatePrecision
    let flags: Set<Flag>
    let display: String

    init(
        _ input: String, _ edtf: String, _ earliest: String?, _ latest: String?,
        _ precision: DatePrecision, _ flags: Set<Flag> = [], display: String
    ) {
        self.input = input
        self.edtf = edtf
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
        self.flags = flags
        self.display = display
    }

    var testDescription: String { "\"\(input)\"" }
}

private typealias Row = PartialDateCase

private let validCases: [PartialDateCase] = [
    // EDTF level 0
    Row("2019", "2019", "2019-01-01", "2019-12-31", .year, display: "2019"),
    Row("2019-09", "2019-09", "2019-09-01", "2019-09-30", .month, display: "Sep 2019"),
    Row("2020-02", "2020-02", "2020-02-01", "2020-02-29", .month, display: "Feb 2020"),
    Row("2019-02", "2019-02", "2019-02-01", "2019-02-28", .month, display: "Feb 2019"),
    Row("2019-09-10", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("0001-01-01", "0001-01-01", "0001-01-01", "0001-01-01", .day, display: "1 Jan 0001"),
    Row("9999-12-31", "9999-12-31", "9999-12-31", "9999-12-31", .day, display: "31 Dec 9999"),
    Row(
        "2019-09-10/2029-09-10", "2019-09-10/2029-09-10", "2019-09-10", "2029-09-10", .day, [.interval],
        display: "10 Sep 2019 – 10 Sep 2029"),
    Row(
        "2004-06/2006-08", "2004-06/2006-08", "2004-06-01", "2006-08-31", .month, [.interval],
        display: "Jun 2004 – Aug 2006"),
    Row("1964/2008", "1964/2008", "1964-01-01", "2008-12-31", .year, [.interval], display: "1964 – 2008"),
    Row(
        "2019/2019-06", "2019/2019-06", "2019-01-01", "2019-06-30", .year, [.interval],
        display: "2019 – Jun 2019"),
    // EDTF level 1: qualifiers
    Row("2022-10-17?", "2022-10-17?", "2022-10-17", "2022-10-17", .day, [.uncertain], display: "17 Oct 2022?"),
    Row("2021~", "2021~", "2021-01-01", "2021-12-31", .year, [.approximate], display: "c. 2021"),
    Row(
        "2021-04%", "2021-04%", "2021-04-01", "2021-04-30", .month, [.uncertain, .approximate],
        display: "c. Apr 2021?"),
    // EDTF level 1: unspecified digits
    Row("201X", "201X", "2010-01-01", "2019-12-31", .year, display: "2010s"),
    Row("20XX", "20XX", "2000-01-01", "2099-12-31", .year, display: "2000s"),
    Row("200X", "200X", "2000-01-01", "2009-12-31", .year, display: "2000s (decade)"),
    Row("201x", "201X", "2010-01-01", "2019-12-31", .year, display: "2010s"),
    Row("199u", "199X", "1990-01-01", "1999-12-31", .year, display: "1990s"),
    Row("2019-XX", "2019-XX", "2019-01-01", "2019-12-31", .year, display: "2019 (month unknown)"),
    Row("2019-09-XX", "2019-09-XX", "2019-09-01", "2019-09-30", .month, display: "Sep 2019 (day unknown)"),
    Row("2020-02-xx", "2020-02-XX", "2020-02-01", "2020-02-29", .month, display: "Feb 2020 (day unknown)"),
    Row(
        "2019-XX-XX", "2019-XX-XX", "2019-01-01", "2019-12-31", .year,
        display: "2019 (month and day unknown)"),
    Row("201X?", "201X?", "2010-01-01", "2019-12-31", .year, [.uncertain], display: "2010s?"),
    // EDTF level 1: interval ends
    Row(
        "2019-09-10/..", "2019-09-10/..", "2019-09-10", nil, .day, [.interval, .ongoing],
        display: "10 Sep 2019 – present"),
    Row("../2022", "../2022", nil, "2022-12-31", .year, [.interval], display: "… – 2022"),
    Row("2019-09-10/", "2019-09-10/", "2019-09-10", nil, .day, [.interval], display: "10 Sep 2019 – ?"),
    Row("/2022-06", "/2022-06", nil, "2022-06-30", .month, [.interval], display: "? – Jun 2022"),
    Row(
        "1984~/2004-06", "1984~/2004-06", "1984-01-01", "2004-06-30", .year, [.interval, .approximate],
        display: "c. 1984 – Jun 2004"),
    Row(
        "2004-06-11/2004-06?", "2004-06-11/2004-06?", "2004-06-11", "2004-06-30", .day,
        [.interval, .uncertain], display: "11 Jun 2004 – Jun 2004?"),
    Row("201X/..", "201X/..", "2010-01-01", nil, .year, [.interval, .ongoing], display: "2010s – present"),
    // English
    Row("10 September 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("10 Sep 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("September 10, 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("September 10 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("Sept. 10, 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("September 10th, 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("10th September 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("May 1st, 2020", "2020-05-01", "2020-05-01", "2020-05-01", .day, display: "1 May 2020"),
    Row("22nd Mar 2023", "2023-03-22", "2023-03-22", "2023-03-22", .day, display: "22 Mar 2023"),
    Row("September 2019", "2019-09", "2019-09-01", "2019-09-30", .month, display: "Sep 2019"),
    Row("Sep 2019", "2019-09", "2019-09-01", "2019-09-30", .month, display: "Sep 2019"),
    Row("  dec.   2019 ", "2019-12", "2019-12-01", "2019-12-31", .month, display: "Dec 2019"),
    Row("FEBRUARY 29, 2020", "2020-02-29", "2020-02-29", "2020-02-29", .day, display: "29 Feb 2020"),
    // French
    Row("10 septembre 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("1er avril 2021", "2021-04-01", "2021-04-01", "2021-04-01", .day, display: "1 Apr 2021"),
    Row("le 10 septembre 2019", "2019-09-10", "2019-09-10", "2019-09-10", .day, display: "10 Sep 2019"),
    Row("avril 2021", "2021-04", "2021-04-01", "2021-04-30", .month, display: "Apr 2021"),
    Row("février 2020", "2020-02", "2020-02-01", "2020-02-29", .month, display: "Feb 2020"),
    Row("fevrier 2020", "2020-02", "2020-02-01", "2020-02-29", .month, display: "Feb 2020"),
    Row("15 févr. 2020", "2020-02-15", "2020-02-15", "2020-02-15", .day, display: "15 Feb 2020"),
    Row("15 août 2021", "2021-08-15", "2021-08-15", "2021-08-15", .day, display: "15 Aug 2021"),
    Row("15 aou\u{0302}t 2021", "2021-08-15", "2021-08-15", "2021-08-15", .day, display: "15 Aug 2021"),
    Row("15 aout 2021", "2021-08-15", "2021-08-15", "2021-08-15", .day, display: "15 Aug 2021"),
    Row("3 déc. 2019", "2019-12-03", "2019-12-03", "2019-12-03", .day, display: "3 Dec 2019"),
    Row("decembre 2019", "2019-12", "2019-12-01", "2019-12-31", .month, display: "Dec 2019"),
    Row("14 juil 1789", "1789-07-14", "1789-07-14", "1789-07-14", .day, display: "14 Jul 1789"),
    Row("mars 2020", "2020-03", "2020-03-01", "2020-03-31", .month, display: "Mar 2020"),
    // Qualifiers in natural forms
    Row("c. 2021", "2021~", "2021-01-01", "2021-12-31", .year, [.approximate], display: "c. 2021"),
    Row("circa 1990", "1990~", "1990-01-01", "1990-12-31", .year, [.approximate], display: "c. 1990"),
    Row(
        "about Sep 2019", "2019-09~", "2019-09-01", "2019-09-30", .month, [.approximate],
        display: "c. Sep 2019"),
    Row(
        "around 10 Sep 2019", "2019-09-10~", "2019-09-10", "2019-09-10", .day, [.approximate],
        display: "c. 10 Sep 2019"),
    Row(
        "c. Apr 2021?", "2021-04%", "2021-04-01", "2021-04-30", .month, [.uncertain, .approximate],
        display: "c. Apr 2021?"),
    Row("vers 1990", "1990~", "1990-01-01", "1990-12-31", .year, [.approximate], display: "c. 1990"),
    Row(
        "environ mai 2021 ?", "2021-05%", "2021-05-01", "2021-05-31", .month, [.uncertain, .approximate],
        display: "c. May 2021?"),
    Row(
        "10 Sep 2019?", "2019-09-10?", "2019-09-10", "2019-09-10", .day, [.uncertain],
        display: "10 Sep 2019?"),
    Row("Sep 2019~", "2019-09~", "2019-09-01", "2019-09-30", .month, [.approximate], display: "c. Sep 2019"),
    // Display forms
    Row("2010s", "201X", "2010-01-01", "2019-12-31", .year, display: "2010s"),
    Row("c. 1990s", "199X~", "1990-01-01", "1999-12-31", .year, [.approximate], display: "c. 1990s"),
    Row("1900s", "19XX", "1900-01-01", "1999-12-31", .year, display: "1900s"),
    Row(
        "Sep 2019 (day unknown)", "2019-09-XX", "2019-09-01", "2019-09-30", .month,
        display: "Sep 2019 (day unknown)"),
    Row("… – 2022", "../2022", nil, "2022-12-31", .year, [.interval], display: "… – 2022"),
    // Intervals in natural forms
    Row("2019 – 2021", "2019/2021", "2019-01-01", "2021-12-31", .year, [.interval], display: "2019 – 2021"),
    Row("2019 — 2021", "2019/2021", "2019-01-01", "2021-12-31", .year, [.interval], display: "2019 – 2021"),
    Row(
        "2019-09 - 2021-03", "2019-09/2021-03", "2019-09-01", "2021-03-31", .month, [.interval],
        display: "Sep 2019 – Mar 2021"),
    Row(
        "Sep 2019 to Jun 2020", "2019-09/2020-06", "2019-09-01", "2020-06-30", .month, [.interval],
        display: "Sep 2019 – Jun 2020"),
    Row(
        "September 2019 to present", "2019-09/..", "2019-09-01", nil, .month, [.interval, .ongoing],
        display: "Sep 2019 – present"),
    Row(
        "from 10 September 2019 to 10 September 2029", "2019-09-10/2029-09-10", "2019-09-10",
        "2029-09-10", .day, [.interval], display: "10 Sep 2019 – 10 Sep 2029"),
    Row(
        "du 10 septembre 2019 au 10 septembre 2029", "2019-09-10/2029-09-10", "2019-09-10",
        "2029-09-10", .day, [.interval], display: "10 Sep 2019 – 10 Sep 2029"),
    Row("2019 au 2021", "2019/2021", "2019-01-01", "2021-12-31", .year, [.interval], display: "2019 – 2021"),
    Row(
        "avril 2021 – aujourd’hui", "2021-04/..", "2021-04-01", nil, .month, [.interval, .ongoing],
        display: "Apr 2021 – present"),
    Row("2019 - now", "2019/..", "2019-01-01", nil, .year, [.interval, .ongoing], display: "2019 – present"),
    Row("2019 – ?", "2019/", "2019-01-01", nil, .year, [.interval], display: "2019 – ?"),
    Row(
        "c. 2019 – 2021?", "2019~/2021?", "2019-01-01", "2021-12-31", .year,
        [.interval, .uncertain, .approximate], display: "c. 2019 – 2021?"),
    // Today
    Row("today", "2024-03-15", "2024-03-15", "2024-03-15", .day, display: "15 Mar 2024"),
    Row("Aujourd'hui", "2024-03-15", "2024-03-15", "2024-03-15", .day, display: "15 Mar 2024"),
    Row(
        "from 2020 to today", "2020/..", "2020-01-01", nil, .year, [.interval, .ongoing],
        display: "2020 – present"),
]

/// An invalid input and a substring of the expected reason.
struct InvalidDateCase: Sendable, CustomTestStringConvertible {
    let input: String
    let reason: String

    init(_ input: String, _ reason: String) {
        self.input = input
        self.reason = reason
    }

    var testDescription: String { "\"\(input)\"" }
}

private let invalidCases: [InvalidDateCase] = [
    InvalidDateCase("2019-02-30", "February 2019 has 28 days"),
    InvalidDateCase("2019-02-29", "February 2019 has 28 days"),
    InvalidDateCase("2019-13", "month 13 does not exist"),
    InvalidDateCase("2019-00", "month 00 does not exist"),
    InvalidDateCase("2019-09-31", "September 2019 has 30 days"),
    InvalidDateCase("2019-09-00", "day 00 does not exist"),
    InvalidDateCase("2019-9-1", "two digits"),
    InvalidDateCase("19", "four digits"),
    InvalidDateCase("20190", "four digits"),
    InvalidDateCase("0000", "years run from 0001 to 9999"),
    InvalidDateCase("000X", "years run from 0001 to 9999"),
    InvalidDateCase("soonish", "not a date this tool understands"),
    InvalidDateCase("", "no date given"),
    InvalidDateCase("   ", "no date given"),
    InvalidDateCase("2030/2019", "the interval ends (2019) before it starts (2030)"),
    InvalidDateCase("2019-09-10/2019-09-09", "the interval ends (2019-09-09) before it starts (2019-09-10)"),
    InvalidDateCase("../..", "an interval needs at least one dated end"),
    InvalidDateCase("/", "an interval needs at least one dated end"),
    InvalidDateCase("2019/2020/2021", "not a date this tool understands"),
    InvalidDateCase("2019-09-10T10:00", "times are not supported"),
    InvalidDateCase("10 Sep 2019 10:00", "times are not supported"),
    InvalidDateCase("32 janvier 2019", "January 2019 has 31 days"),
    InvalidDateCase("29 février 2019", "February 2019 has 28 days"),
    InvalidDateCase("0 May 2019", "day 00 does not exist"),
    InvalidDateCase("2019??", "only one qualifier"),
    InvalidDateCase("2019?-09", "goes at the end"),
    InvalidDateCase("X019", "rightmost"),
    InvalidDateCase("2XXX", "only the last one or two digits"),
    InvalidDateCase("201X-09", "cannot have a month or day"),
    InvalidDateCase("2019-XX-10", "a day cannot be known when the month is not"),
    InvalidDateCase("2019-1X", "either two digits or XX"),
    InvalidDateCase("3st May 2019", "not a date this tool understands"),
    InvalidDateCase("10 Smarch 2019", "not a date this tool understands"),
    InvalidDateCase("10 Sep 19", "a year needs exactly four digits"),
    InvalidDateCase("present – 2020", "not a date this tool understands"),
    InvalidDateCase("2015s", "not a date this tool understands"),
    InvalidDateCase("from 2019", "not a date this tool understands"),
]

@Suite("PartialDate parsing")
struct PartialDateParsingTests {
    @Test(arguments: validCases)
    func parsesValidInput(_ row: PartialDateCase) throws {
        let date = try parse(row.input)
        #expect(date.edtf == row.edtf)
        #expect(date.description == row.edtf)
        #expect(date.earliest?.iso == row.earliest)
        #expect(date.latest?.iso == row.latest)
        #expect(date.precision == row.precision)
        #expect(date.isUncertain == row.flags.contains(.uncertain))
        #expect(date.isApproximate == row.flags.contains(.approximate))
        #expect(date.isInterval == row.flags.contains(.interval))
        #expect(date.isOngoing == row.flags.contains(.ongoing))
        #expect(date.display == row.display)
    }

    @Test(arguments: validCases)
    func displayParsesBackToTheSameDate(_ row: PartialDateCase) throws {
        let date = try parse(row.input)
        let reparsed = try parse(date.display)
        #expect(reparsed.edtf == date.edtf)
        #expect(reparsed == date)
    }

    @Test(arguments: validCases)
    func edtfParsesBackToTheSameDate(_ row: PartialDateCase) throws {
        let date = try parse(row.input)
        let reparsed = try parse(date.edtf)
        #expect(reparsed.edtf == date.edtf)
        #expect(reparsed == date)
    }

    @Test(arguments: invalidCases)
    func rejectsInvalidInput(_ row: InvalidDateCase) {
        let error = #expect(throws: DateParseError.self) { try parse(row.input) }
        #expect(error?.input == row.input)
        #expect(error?.reason.contains(row.reason) == true, "reason was: \(error?.reason ?? "none")")
    }

    @Test(arguments: invalidCases)
    func errorDescriptionIsOneLineQuotingTheInput(_ row: InvalidDateCase) {
        let error = #expect(throws: DateParseError.self) { try parse(row.input) }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("invalid date \"\(row.input)\": "))
        #expect(description.contains(row.reason))
        #expect(
            description.hasSuffix(
                "; accepted forms: 2019-09-10, 2019-09, 2019, 2021~, 2019/.., \"10 September 2019\", \"septembre 2019\", \"spring 2021\", \"last Monday\"; all forms in docs/dates.md"
            ))
        #expect(!description.contains("\n"))
    }

    /// The forms an error message offers are forms the parser reads, and the page it points to exists.
    @Test func theAcceptedFormsOfErrorMessagesAreRead() throws {
        let parts = DateParseError.acceptedForms.split(separator: "; ")
        try #require(parts.count == 2)
        let (examples, pointer) = (parts[0], parts[1])
        let forms = examples.split(separator: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        #expect(forms.count >= 8)
        for form in forms {
            #expect(throws: Never.self, "\(form)") { try PartialDate(parsing: form) }
        }
        let page = try #require(pointer.split(separator: " ").last)
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(String(page)).path))
    }

    @Test func errorDescriptionMatchesTheDocumentedFormat() {
        let error = DateParseError(input: "2019-02-30", reason: "February 2019 has 28 days")
        #expect(
            error.description == """
                invalid date "2019-02-30": February 2019 has 28 days; accepted forms: 2019-09-10, 2019-09, 2019, \
                2021~, 2019/.., "10 September 2019", "septembre 2019", "spring 2021", "last Monday"; all forms in \
                docs/dates.md
                """)
    }

    @Test func errorDescriptionStaysOnOneLineForMultilineInput() {
        let error = #expect(throws: DateParseError.self) { try parse("2019\n2020") }
        #expect(error?.description.contains("\n") == false)
    }

    @Test func todayUsesTheInjectedDay() throws {
        let newYear = Day(year: 2031, month: 1, day: 1)!
        #expect(try PartialDate(parsing: "today", today: newYear).edtf == "2031-01-01")
        #expect(try PartialDate(parsing: "aujourd'hui", today: newYear).earliest == newYear)
        #expect(try PartialDate(parsing: "c. today", today: newYear).edtf == "2031-01-01~")
        #expect(try PartialDate(parsing: "today – 2032", today: newYear).edtf == "2031-01-01/2032")
    }

    @Test func equivalentInputsAreEqualValues() throws {
        let forms = ["2021-04-01", "1er avril 2021", "April 1st, 2021", "1 Apr 2021", "le 1er AVRIL 2021"]
        let dates = try forms.map { text throws(DateParseError) in try parse(text) }
        #expect(Set(dates).count == 1)
    }
}

@Suite("Day")
struct DayTests {
    @Test(arguments: [
        ("2019-01-31", 1, "2019-02-01"),
        ("2019-12-31", 1, "2020-01-01"),
        ("2020-02-28", 1, "2020-02-29"),
        ("2020-02-29", 1, "2020-03-01"),
        ("2019-02-28", 1, "2019-03-01"),
        ("2020-03-01", -1, "2020-02-29"),
        ("2000-02-28", 1, "2000-02-29"),
        ("1900-02-28", 1, "1900-03-01"),
        ("2020-01-01", -1, "2019-12-31"),
        ("2019-09-10", 3653, "2029-09-10"),
        ("2024-01-01", 366, "2025-01-01"),
        ("1970-01-01", 0, "1970-01-01"),
        ("0001-01-01", 365, "0002-01-01"),
        ("9999-12-31", 1, "9999-12-31"),
        ("0001-01-01", -1, "0001-01-01"),
        ("2019-09-10", Int.max, "9999-12-31"),
        ("2019-09-10", Int.min, "0001-01-01"),
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.adding(days: days).iso == expected)
    }

    @Test func addingDaysRoundTripsOverFourCenturies() throws {
        let start = try #require(Day(iso: "1999-12-31"))
        var day = start
        for _ in 0..<146_097 {
            let next = day.adding(days: 1)
            #expect(next > day)
            day = next
        }
        #expect(day.iso == "2399-12-31")
        #expect(day.adding(days: -146_097) == start)
    }

    @Test(arguments: [
        (2, 2019, 28), (2, 2020, 29), (2, 1900, 28), (2, 2000, 29), (4, 2019, 30),
        (9, 2019, 30), (12, 2019, 31), (1, 1, 31), (13, 2019, 0),
    ])
    func daysInMonth(month: Int, year: Int, expected: Int) {
        #expect(Day.daysIn(month: month, year: year) == expected)
    }

    @Test(arguments: [(2019, 2, 30), (2019, 13, 1), (2019, 0, 1), (2019, 1, 0), (0, 1, 1), (10000, 1, 1)])
    func rejectsImpossibleDays(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: ["2019-9-10", "2019-09-10 ", "+019-09-10", "2019/09/10", "2019-02-30", "19-09-10", ""])
    func rejectsNonISOText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func formatsAndParsesISO() throws {
        let day = try #require(Day(year: 33, month: 1, day: 2))
        #expect(day.iso == "0033-01-02")
        #expect(day.description == "0033-01-02")
        #expect(Day(iso: "0033-01-02") == day)
    }

    @Test func ordersChronologically() throws {
        let days = ["2019-09-10", "2019-10-01", "2020-01-01", "2019-09-09"].compactMap(Day.init(iso:))
        #expect(days.sorted().map(\.iso) == ["2019-09-09", "2019-09-10", "2019-10-01", "2020-01-01"])
    }

    @Test func todayIsTheCalendarDayInTheGivenTimeZone() throws {
        let zone = try #require(TimeZone(identifier: "Pacific/Kiritimati"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let before = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = Day.today(in: zone)
        let after = calendar.dateComponents([.year, .month, .day], from: Date())
        let expected = [before, after].map { Day(year: $0.year!, month: $0.month!, day: $0.day!) }
        #expect(expected.contains(today))
    }
}

@Test func precisionsOrderFromCoarsestToFinest() {
    #expect(DatePrecision.year < .month)
    #expect(DatePrecision.month < .day)
    #expect(DatePrecision.allCases.sorted() == [.year, .month, .day])
}

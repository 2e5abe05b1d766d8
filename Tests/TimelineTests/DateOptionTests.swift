import Foundation
import Testing
import Timeline

/// Dates typed on the command line, through the built binary: relative ones against
/// --relative-to, numeric ones in --date-order, and what a bad one says.
@Suite("Dates on the command line", .serialized)
struct DateOptionTests {
    /// Friday 15 March 2024, the day the relative rows of the date table are read against.
    let reference = ["--relative-to", "2024-03-15"]

    func store(_ folder: TemporaryFolder) throws -> Store {
        try Store(path: folder.path("timeline.db"), access: .read)
    }

    func date(of id: String, in folder: TemporaryFolder) throws -> String? {
        try store(folder).event(id: id)?.date.edtf
    }

    @Test(arguments: [
        ("yesterday", "2024-03-14"), ("hier", "2024-03-14"), ("last Monday", "2024-03-11"), ("lundi dernier", "2024-03-11"),
        ("il y a deux ans", "2022"), ("l'année dernière", "2023"), ("the week before last", "2024-02-26/2024-03-03"),
        ("depuis l'année dernière", "2023/.."),
    ])
    func addReadsRelativeDatesAgainstTheDayGiven(_ text: String, _ edtf: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let add = try runTimeline(["add", "Event", "--date", text] + reference, in: folder)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try date(of: "event", in: folder) == edtf)
    }

    /// The day itself may be written in words, or relative to today; it must be one whole day.
    @Test func theReferenceIsOneDayInAnyForm() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "A", "--date", "hier", "--relative-to", "15 mars 2024"], in: folder).status == 0)
        #expect(try date(of: "a", in: folder) == "2024-03-14")
        let before = Day.today().iso
        #expect(try runTimeline(["add", "B", "--date", "yesterday", "--relative-to", "tomorrow"], in: folder).status == 0)
        #expect([before, Day.today().iso].contains(try date(of: "b", in: folder)), "today, even across midnight")
        for reference in ["2024", "last week", "2024-03-15?", "c. 2024-03-15", "2024-03-15/2024-03-16", "soonish"] {
            let result = try runTimeline(["add", "C", "--date", "hier", "--relative-to", reference], in: folder)
            #expect(result.status == 64, "\(reference)")
            #expect(result.stderr.hasPrefix("error: "), "\(reference)")
            #expect(result.stderr.contains("--relative-to"), "\(reference): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(try store(folder).event(id: "c") == nil)
    }

    /// Every option that takes a date reads it against --relative-to.
    @Test func everyDateOptionTakesTheReference() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let runs: [[String]] = [
            ["add", "First", "--date", "2020"],
            ["edit", "first", "--date", "l'année dernière"],
            ["partnership", "add", "Pact", "--id", "pact", "--date", "depuis lundi dernier", "--member", "Acme", "--member", "Beta"],
            ["partnership", "add", "Other pact", "--id", "other", "--member", "Acme", "--member", "Beta"],
            ["partnership", "edit", "other", "--date", "the year before last"],
            ["source", "add", "--id", "article", "--title", "Article", "--published", "hier", "--accessed", "today"],
            ["source", "edit", "article", "--accessed", "last Friday"],
            ["actor", "add", "Jane Doe", "--kind", "person", "--affiliation", "Acme:CEO@il y a deux ans"],
            ["actor", "edit", "Jane Doe", "--affiliation", "Beta:adviser@since last month"],
        ]
        for arguments in runs {
            let result = try runTimeline(arguments + reference, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let store = try store(folder)
        #expect(try store.event(id: "first")?.date.edtf == "2023")
        #expect(try store.partnership(id: "pact")?.date?.edtf == "2024-03-11/..")
        #expect(try store.partnership(id: "other")?.date?.edtf == "2022")
        #expect(try store.source(id: "article")?.published?.edtf == "2024-03-14")
        #expect(try store.source(id: "article")?.accessed?.edtf == "2024-03-08")
        #expect(try store.actor(named: "Jane Doe")?.affiliations.map { $0.date?.edtf } == ["2022", "2024-02/.."])

        // The filters of show, search and export.
        #expect(try runTimeline(["add", "Second", "--date", "2019-06"], in: folder).status == 0)
        let since = try runTimeline(["show", "--since", "l'année dernière", "--format", "jsonl"] + reference, in: folder)
        #expect(since.stdout.contains("\"id\":\"first\"") && !since.stdout.contains("\"id\":\"second\""), "\(since.stdout)")
        let until = try runTimeline(["export", "--until", "il y a cinq ans", "--format", "jsonl"] + reference, in: folder)
        #expect(until.stdout.contains("\"id\":\"second\"") && !until.stdout.contains("\"id\":\"first\""), "\(until.stdout)")
        let search = try runTimeline(["search", "second", "--on", "il y a cinq ans"] + reference, in: folder)
        #expect(search.status == 0 && search.stdout.contains("Second"), "\(search.stdout)\(search.stderr)")
    }

    @Test func anAmbiguousNumericDateIsRefusedWithBothReadingsUnlessAnOrderIsGiven() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let refused = try runTimeline(["add", "Event", "--date", "10/09/2019"], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stdout == "")
        #expect(
            refused.stderr.hasPrefix(
                """
                error: invalid date "10/09/2019" for --date: ambiguous: 2019-09-10 (day first, 10 Sep 2019) or \
                2019-10-09 (month first, 9 Oct 2019); write the one you mean as YYYY-MM-DD or give --date-order dmy or mdy; \
                accepted forms:
                """), "\(refused.stderr)")
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing written")

        #expect(try runTimeline(["add", "Day first", "--date", "10/09/2019", "--date-order", "dmy"], in: folder).status == 0)
        #expect(try runTimeline(["add", "Month first", "--date", "10/09/2019", "--date-order", "mdy"], in: folder).status == 0)
        #expect(try runTimeline(["add", "Only one reading", "--date", "25/12/2019"], in: folder).status == 0)
        #expect(try date(of: "day-first", in: folder) == "2019-09-10")
        #expect(try date(of: "month-first", in: folder) == "2019-10-09")
        #expect(try date(of: "only-one-reading", in: folder) == "2019-12-25")

        let contradicts = try runTimeline(["add", "Wrong", "--date", "25/12/2019", "--date-order", "mdy"], in: folder)
        #expect(contradicts.status == 64)
        #expect(contradicts.stderr.contains("read month first (mdy), month 25 does not exist"), "\(contradicts.stderr)")
        let badOrder = try runTimeline(["add", "Wrong", "--date", "10/09/2019", "--date-order", "ymd"], in: folder)
        #expect(badOrder.status == 64)
        #expect(badOrder.stderr.contains("'ymd'") && badOrder.stderr.contains("dmy") && badOrder.stderr.contains("mdy"))
        let show = try runTimeline(["show", "--on", "10/09/2019", "--date-order", "mdy", "--format", "jsonl"], in: folder)
        #expect(show.stdout.contains("\"id\":\"month-first\"") && !show.stdout.contains("\"id\":\"day-first\""))
    }

    /// A date that cannot be read names the input and the option, says why, and shows what is accepted.
    @Test(arguments: [
        (["add", "X", "--date", "soonish"], "--date", "not a date this tool understands"),
        (["show", "--since", "30 février 2020"], "--since", "February 2020 has 29 days"),
        (["export", "--on", "mardi 17 octobre 2022"], "--on", "2022-10-17 is a Monday (lundi), not a Tuesday (mardi)"),
        (
            ["partnership", "add", "P", "--member", "A", "--member", "B", "--date", "from 2019"], "--date",
            "not a date this tool understands"
        ),
        (["source", "add", "--title", "T", "--published", "le 10 septembre"], "--published", "a year is needed"),
        (["actor", "add", "A", "--affiliation", "B@1985-04-12T23:20:30"], "--affiliation", "times are not supported"),
        // The EDTF examples this tool refuses, as the date table lists them
        (["add", "X", "--date", "Y170000002"], "--date", "years run from 0001 to 9999"),
        (["show", "--until", "1985-04-12T23:20:30Z"], "--until", "times are not supported, only days"),
    ])
    func aBadDateIsAUsageErrorThatSaysWhatIsAccepted(_ arguments: [String], _ option: String, _ reason: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(arguments, in: folder)
        let input = arguments.last!.split(separator: "@").last!
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: invalid date \"\(input)\" for \(option): \(reason)"), "\(result.stderr)")
        #expect(result.stderr.contains("; accepted forms: \(DateParseError.acceptedForms)"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing written")
    }
}

import ArgumentParser
import Timeline

extension NumericDateOrder: ExpressibleByArgument {}

/// How the dates typed on the command line are read: relative ones ("yesterday", "lundi dernier")
/// against --relative-to, today by default; numeric ones that both orders can read (10/09/2019)
/// in --date-order, refused without it.
///
/// A group holding date options includes this one and reads them with `read(_:option:)`, first in
/// its `validate()`, so that a bad date is a usage error before anything is opened.
struct DateReadingOptions: ParsableArguments {
    @Option(
        name: .customLong("relative-to"),
        help: ArgumentHelp(
            "The day relative dates (yesterday, last Monday, il y a deux ans) are read against (default: today).",
            valueName: "date"))
    var relativeTo: String?

    @Option(
        name: .customLong("date-order"),
        help: ArgumentHelp("Read numeric dates such as 10/09/2019 day first (dmy) or month first (mdy).", valueName: "order"))
    var dateOrder: NumericDateOrder?

    func validate() throws {
        _ = try referenceDay()
    }

    /// Reads the value of a date option.
    func read(_ text: String, option: String) throws -> PartialDate {
        try parse(text, option: option, today: try referenceDay())
    }

    /// The day --relative-to names (itself read against today), nil without it.
    private func referenceDay() throws -> Day? {
        guard let relativeTo else { return nil }
        let date = try parse(relativeTo, option: "--relative-to", today: nil)
        guard !date.isInterval, date.precision == .day, !date.isUncertain, !date.isApproximate, let day = date.earliest else {
            let shown = date.display == relativeTo ? "" : " (\(date.display))"
            throw ValidationError("--relative-to needs one day such as 2024-03-15, not \"\(relativeTo.shownInMessage())\"\(shown)")
        }
        return day
    }

    private func parse(_ text: String, option: String, today: Day?) throws -> PartialDate {
        do {
            return try PartialDate(parsing: text, today: today, order: dateOrder)
        } catch {
            let hint = error.isAmbiguousNumericDate ? " or give --date-order dmy or mdy" : ""
            throw ValidationError(
                "invalid date \"\(text.shownInMessage())\" for \(option): \(error.reason)\(hint); "
                    + "accepted forms: \(DateParseError.acceptedForms)")
        }
    }
}

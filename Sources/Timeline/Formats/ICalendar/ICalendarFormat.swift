extension Format {
    /// iCalendar (RFC 5545): all-day events for calendar apps.
    public static let ical = Format(
        name: "ical", aliases: ["ics", "icalendar"], fileExtensions: ["ics"], summary: "iCalendar, all-day events for calendar apps",
        writer: { options, _, _ in ICalendarWriter(stamp: ICalendarWriter.stamp(for: options.now)) })
}

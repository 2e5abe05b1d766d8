extension Format {
    /// One self-contained page: an interactive chart over the list of events.
    public static let html = Format(
        name: "html", aliases: ["htm"], fileExtensions: ["html", "htm"],
        summary: "one self-contained page: a chart over the list of events", needsRecords: true,
        writer: { options, records, _ in
            HTMLWriter(records: records, title: options.title, description: options.description, lanes: options.lanes, today: options.today)
        })
}

extension Format {
    /// A Gantt-style chart for the terminal (write only).
    public static let chart = Format(
        name: "chart", summary: "a Gantt chart of partnerships and events for the terminal", needsRecords: true,
        writer: { options, records, _ in
            ChartWriter(records: records, columns: options.columns, today: options.today, color: options.color)
        })
}

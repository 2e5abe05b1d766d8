extension Format {
    /// RFC 4180 CSV, one row per event.
    public static let csv = Format(
        name: "csv", fileExtensions: ["csv"], summary: "one row per event, for spreadsheets; import reads it back",
        reader: { try CSVEventReader($0) },
        writer: { options, _, _ in CSVWriter(neutralizeFormulas: options.neutralizeFormulas, byteOrderMark: options.byteOrderMark) })
}

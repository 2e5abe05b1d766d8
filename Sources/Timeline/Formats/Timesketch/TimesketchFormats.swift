extension Format {
    /// Timesketch's CSV, for forensic timeline analysis.
    public static let timesketchCSV = Format(
        name: "timesketch-csv", summary: "Timesketch's CSV",
        writer: { options, _, _ in TimesketchWriter(layout: .csv, neutralizeFormulas: options.neutralizeFormulas) })

    /// Timesketch's JSON Lines.
    public static let timesketchJSONL = Format(
        name: "timesketch-jsonl", summary: "Timesketch's JSON Lines",
        writer: { _, _, _ in TimesketchWriter(layout: .jsonLines) })
}

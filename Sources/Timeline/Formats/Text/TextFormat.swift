extension Format {
    /// For people at a terminal: grouped by year, aligned, fit to `columns`, coloured when asked.
    public static let text = Format(
        name: "text", fileExtensions: ["txt"], summary: "for people at a terminal (the default of show and search)",
        writer: { options, _, ranked in TextWriter(options: options, ranked: ranked) })
}

extension Format {
    /// Markdown, one section per year, sources as footnotes.
    public static let markdown = Format(
        name: "markdown", aliases: ["md"], fileExtensions: ["md", "markdown"], summary: "to read or publish; sources as footnotes",
        writer: { _, _, _ in MarkdownWriter() })
}

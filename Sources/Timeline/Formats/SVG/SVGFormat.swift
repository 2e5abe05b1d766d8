extension Format {
    /// The page's chart as a static drawing, for print and for an article.
    public static let svg = Format(
        name: "svg", fileExtensions: ["svg"],
        summary: "the chart as a static drawing (SVG), for print and articles", needsRecords: true,
        writer: { options, records, _ in
            SVGWriter(
                records: records, title: options.title, description: options.description, lanes: options.lanes,
                today: options.today, width: options.width)
        })
}

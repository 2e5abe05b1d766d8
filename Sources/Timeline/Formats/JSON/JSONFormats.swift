import FoundationEssentials

extension Format {
    /// The JSON document: the events with the actors, sources and partnerships they refer to.
    public static let json = Format(
        name: "json", fileExtensions: ["json"], summary: "the JSON document, the complete copy that import reads back",
        needsRecords: true,
        reader: { input in
            var input = input
            return DocumentRecordReader(try JSONDocumentReader.document(from: Data(try input.readAll())))
        },
        writer: { _, records, _ in JSONDocumentWriter(records: records) })

    /// JSON Lines: one object per line (records, then events), for jq and streams of any size.
    public static let jsonl = Format(
        name: "jsonl", aliases: ["ndjson"], fileExtensions: ["jsonl", "ndjson"],
        summary: "JSON Lines: one record per line, for jq and streams", needsRecords: true,
        reader: { JSONLinesReader($0) },
        writer: { _, records, _ in JSONLinesWriter(records: records) })
}

// libFuzzer entry for the JSON parser: `scripts/fuzz json`. Compiled into the Timeline module by
// the script (not by Package.swift), so it reaches the internal parser that import uses.
import FoundationEssentials

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // A syntax or import error is an answer; only a crash is a finding.
    _ = try? JSONParser.parse(bytes)
    // The document reader on top of it: versions, events, actors, dates.
    _ = try? JSONDocumentReader.document(from: Data(bytes))
    // The file `timeline changes apply` reads, to its end or its first error.
    var changes = ChangeFileReader(InputBytes(data: Data(bytes)))
    while (try? changes.next()) != nil {}
    return 0
}

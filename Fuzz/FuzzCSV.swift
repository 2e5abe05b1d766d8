// libFuzzer entry for the CSV readers: `scripts/fuzz csv`. Compiled into the Timeline module by
// the script (not by Package.swift), so it reads bytes the way `import` reads a CSV file.
import FoundationEssentials

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // The rows, as CSVReader splits them.
    var rows = CSVReader(InputBytes(data: bytes))
    // `try?` flattens: the loop ends at the last row or at the first error.
    while (try? rows.nextRow()) != nil {}
    // The events, as import reads them (header, cells, dates, lists); an error is an answer.
    if var events = try? CSVEventReader(InputBytes(data: bytes)) {
        while (try? events.next()) != nil {}
    }
    return 0
}

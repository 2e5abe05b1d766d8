// libFuzzer entry for the date parser: `scripts/fuzz date`. Compiled into the Timeline module
// by the script (not by Package.swift), so it reaches the parser the way `--date` and import do.

/// A fixed "today", so that a crash reproduces whatever day it is run.
private let fuzzToday = Day(year: 2026, month: 11, day: 30)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDateParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // A parse error is an answer; only a crash (a trap, an overflow, a bad access) is a finding.
    if let date = try? PartialDate(parsing: text, today: fuzzToday) {
        // What a parsed date is used for: its EDTF (stored), bounds (filters) and display.
        _ = (date.earliest, date.latest, date.precision, date.display)
        // What is stored must read back as the same date (`check` reports it otherwise).
        let stored = try? PartialDate(parsing: date.edtf, today: fuzzToday)
        precondition(stored?.edtf == date.edtf, "\(text.debugDescription) → \(date.edtf) does not read back")
    }
    return 0
}

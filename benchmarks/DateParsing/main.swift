// How fast `PartialDate(parsing:)` reads short date strings (issue 11: at least 1 million a second),
// on a deterministic mix of ISO, EDTF, English and French, each string with the EDTF it must give.
//
//     date-benchmark            strings per second for each kind and for the mix (a Markdown table)
//     date-benchmark --check    every string parses to its EDTF; nothing timed (CI)
//     date-benchmark --parse KIND    parses one kind (iso, edtf, english, french, mix) once, untimed:
//                                    for `valgrind --tool=callgrind`, whose counts are stable
//
// `benchmarks/run` builds it in release mode and runs it; see BENCHMARKS.md.
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The day relative dates are read against: Friday 15 March 2024, as in the date table's tests.
let reference = Day(year: 2024, month: 3, day: 15)!

/// One string of the corpus and the EDTF it must be stored as.
struct Sample {
    let text: String
    let edtf: String
}

/// A small deterministic generator (a 64-bit LCG), so every run times the same strings.
struct Generator {
    var state: UInt64

    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return range.lowerBound + Int((state >> 33) % UInt64(range.count))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(0...values.count - 1)] }
}

func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

func iso(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> String {
    [padded(year, 4), month.map { padded($0, 2) }, day.map { padded($0, 2) }].compactMap(\.self).joined(separator: "-")
}

let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
]
let englishAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
let frenchMonths = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]
let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
let frenchWeekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

func ordinal(_ day: Int) -> String {
    if (11...13).contains(day) { return "\(day)th" }
    switch day % 10 {
    case 1: return "\(day)st"
    case 2: return "\(day)nd"
    case 3: return "\(day)rd"
    default: return "\(day)th"
    }
}

/// What dates look like in stored data and files: ISO days, months and years.
func isoSample(_ random: inout Generator) -> Sample {
    let (year, month, day) = (random.next(1990...2030), random.next(1...12), random.next(1...28))
    let text: String
    switch random.next(0...9) {
    case 0...5: text = iso(year, month, day)
    case 6...8: text = iso(year, month)
    default: text = iso(year)
    }
    return Sample(text: text, edtf: text)
}

/// EDTF beyond plain ISO: qualifiers, unspecified digits, seasons, intervals open or closed.
func edtfSample(_ random: inout Generator) -> Sample {
    let (year, month, day) = (random.next(1990...2020), random.next(1...12), random.next(1...28))
    let text: String
    switch random.next(0...11) {
    case 0: text = "\(iso(year))~"
    case 1: text = "\(iso(year, month, day))?"
    case 2: text = "\(iso(year, month))%"
    case 3: text = "\(iso(year, month, day))/.."
    case 4: text = "../\(iso(year))"
    case 5: text = "\(year / 10)X"
    case 6: text = "\(iso(year))-XX"
    case 7: text = "\(iso(year, month))-XX"
    case 8: text = "\(iso(year))-\(random.next(21...24))"
    case 9: text = "\(iso(year, month))/\(iso(year + random.next(1...5), month))"
    case 10: text = "\(iso(year))/\(iso(year + random.next(1...9)))"
    default: text = "\(iso(year, month, day))/"
    }
    return Sample(text: text, edtf: text)
}

/// English as journalists write it.
func englishSample(_ random: inout Generator) -> Sample {
    let (year, month, day) = (random.next(1990...2023), random.next(1...12), random.next(1...28))
    let name = englishMonths[month - 1]
    switch random.next(0...15) {
    case 0: return Sample(text: "\(day) \(name) \(year)", edtf: iso(year, month, day))
    case 1: return Sample(text: "\(name) \(day), \(year)", edtf: iso(year, month, day))
    case 2: return Sample(text: "\(englishAbbreviations[month - 1]) \(year)", edtf: iso(year, month))
    case 3: return Sample(text: "in \(year)", edtf: iso(year))
    case 4:
        let season = random.next(0...4)
        let word = ["spring", "summer", "autumn", "fall", "winter"][season]
        return Sample(text: "\(word) \(year)", edtf: "\(iso(year))-\([21, 22, 23, 23, 24][season])")
    case 5: return Sample(text: "probably \(day) \(name) \(year)", edtf: "\(iso(year, month, day))?")
    case 6:
        let weekday = Day(year: year, month: month, day: day)!.weekday
        return Sample(text: "\(englishWeekdays[weekday - 1]), \(name) \(day), \(year)", edtf: iso(year, month, day))
    case 7:  // not 2000: "the 2000s" is a century
        let decade = random.pick([196, 197, 198, 199, 201, 202])
        return Sample(text: "the \(decade)0s", edtf: "\(decade)X")
    case 8: return Sample(text: "since \(name) \(year)", edtf: "\(iso(year, month))/..")
    case 9: return Sample(text: "between \(year) and \(year + 2)", edtf: "\(iso(year))/\(iso(year + 2))")
    case 10: return Sample(text: "c. \(year)", edtf: "\(iso(year))~")
    case 11:
        let part = random.next(0...2)
        return Sample(text: "\(["early", "mid-", "late"][part])\(part == 1 ? "" : " ")\(year)", edtf: "\(iso(year))-\(37 + part)")
    case 12: return Sample(text: "\(name) \(ordinal(day)), \(year)", edtf: iso(year, month, day))
    case 13: return Sample(text: "until \(year)", edtf: "../\(iso(year))")
    case 14: return Sample(text: "around \(englishAbbreviations[month - 1]) \(year)", edtf: "\(iso(year, month))~")
    default:
        return random.pick([
            Sample(text: "yesterday", edtf: "2024-03-14"), Sample(text: "last Monday", edtf: "2024-03-11"),
            Sample(text: "two years ago", edtf: "2022"), Sample(text: "last month", edtf: "2024-02"),
            Sample(text: "the week before last", edtf: "2024-02-26/2024-03-03"),
        ])
    }
}

/// French as the articles write it, accents included.
func frenchSample(_ random: inout Generator) -> Sample {
    let (year, month, day) = (random.next(1990...2023), random.next(1...12), random.next(1...28))
    let name = frenchMonths[month - 1]
    switch random.next(0...15) {
    case 0: return Sample(text: "\(day) \(name) \(year)", edtf: iso(year, month, day))
    case 1: return Sample(text: "le \(day == 1 ? "1er" : String(day)) \(name) \(year)", edtf: iso(year, month, day))
    case 2:
        let weekday = Day(year: year, month: month, day: day)!.weekday
        return Sample(text: "\(frenchWeekdays[weekday - 1]) \(day) \(name) \(year)", edtf: iso(year, month, day))
    case 3: return Sample(text: "\(name) \(year)", edtf: iso(year, month))
    case 4: return Sample(text: "en \(year)", edtf: iso(year))
    case 5:
        let season = random.next(0...3)
        return Sample(text: "\(["printemps", "été", "automne", "hiver"][season]) \(year)", edtf: "\(iso(year))-\(21 + season)")
    case 6:
        let part = random.next(0...2)
        return Sample(text: "\(["début ", "mi-", "fin "][part])\(year)", edtf: "\(iso(year))-\(37 + part)")
    case 7: return Sample(text: "depuis \(year)", edtf: "\(iso(year))/..")
    case 8: return Sample(text: "jusqu'en \(year)", edtf: "../\(iso(year))")
    case 9:
        let decade = random.pick([196, 197, 198, 199, 200, 201, 202])
        return Sample(text: "les années \(decade)0", edtf: "\(decade)X")
    case 10: return Sample(text: "vers \(year)", edtf: "\(iso(year))~")
    case 11: return Sample(text: "du \(day) au \(day + 2) \(name) \(year)", edtf: "\(iso(year, month, day))/\(iso(year, month, day + 2))")
    case 12: return Sample(text: "entre \(year) et \(year + 3)", edtf: "\(iso(year))/\(iso(year + 3))")
    case 13: return Sample(text: "probablement en \(name) \(year)", edtf: "\(iso(year, month))?")
    case 14: return Sample(text: "à l’automne \(year)", edtf: "\(iso(year))-23")
    default:
        return random.pick([
            Sample(text: "hier", edtf: "2024-03-14"), Sample(text: "lundi dernier", edtf: "2024-03-11"),
            Sample(text: "il y a deux ans", edtf: "2022"), Sample(text: "l'année dernière", edtf: "2023"),
            Sample(text: "la semaine dernière", edtf: "2024-03-04/2024-03-10"),
        ])
    }
}

let perKind = 2_500
var random = Generator(state: 2019)
let kinds: [(name: String, samples: [Sample])] = [
    ("ISO (2019-09-10, 2019-09, 2019)", (0..<perKind).map { _ in isoSample(&random) }),
    ("EDTF (2021~, 201X, 2001-21, 2019-09-10/..)", (0..<perKind).map { _ in edtfSample(&random) }),
    ("English (10 September 2019, spring 2021, since 2019)", (0..<perKind).map { _ in englishSample(&random) }),
    ("French (le 1er mai 2020, automne 2022, il y a deux ans)", (0..<perKind).map { _ in frenchSample(&random) }),
]
/// The four kinds interleaved: a quarter each.
let mix = (0..<perKind).flatMap { index in kinds.map { $0.1[index] } }

/// Parses every sample; the number of days covered, so that no work can be left out.
@inline(never)
func parseAll(_ samples: [Sample]) -> Int {
    var total = 0
    for sample in samples {
        if let date = try? PartialDate(parsing: sample.text, today: reference) {
            total &+= date.earliest?.daysSince1970 ?? 1
        }
    }
    return total
}

func check() -> Bool {
    var failures = 0
    for sample in mix {
        do {
            let date = try PartialDate(parsing: sample.text, today: reference)
            if date.edtf != sample.edtf {
                failures += 1
                print("FAILED: \"\(sample.text)\" gave \(date.edtf), expected \(sample.edtf)")
            }
        } catch {
            failures += 1
            print("FAILED: \(error)")
        }
    }
    print("date benchmark check: \(mix.count - failures) of \(mix.count) strings read as expected")
    return failures == 0
}

/// Strings per second: the median of `rounds` rounds, each parsing the samples for at least `seconds`.
func throughput(_ samples: [Sample], rounds: Int, seconds: Double) -> Double {
    let clock = ContinuousClock()
    var rates: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        var parsed = 0
        let start = clock.now
        var elapsed = 0.0
        repeat {
            sink &+= parseAll(samples)
            parsed += samples.count
            let duration = clock.now - start
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        } while elapsed < seconds
        rates.append(Double(parsed) / elapsed)
    }
    if sink == 42 { print("") }  // keeps the work observable
    return rates.sorted()[rates.count / 2]
}

/// 1234567 as "1,234,567".
func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    return String(
        digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--parse", arguments.count == 2 {
    let names = ["iso", "edtf", "english", "french"]
    guard let samples = arguments[1] == "mix" ? mix : names.firstIndex(of: arguments[1]).map({ kinds[$0].samples }) else {
        print("error: --parse takes one of \((names + ["mix"]).joined(separator: ", "))")
        exit(64)
    }
    // One string of each kind first, so that what is built once per process is not counted.
    _ = kinds.map { try? PartialDate(parsing: $0.samples[0].text, today: reference) }
    print(parseAll(samples))
} else if arguments.contains("--check") {
    if !check() { exit(1) }
} else {
    guard check() else { exit(1) }
    print("| strings | strings/s |")
    print("|---|---:|")
    for (name, samples) in kinds + [("mix: a quarter of each", mix)] {
        let rate = throughput(samples, rounds: 5, seconds: 0.4)
        print("| \(name) | \(grouped(Int(rate.rounded()))) |")
    }
}

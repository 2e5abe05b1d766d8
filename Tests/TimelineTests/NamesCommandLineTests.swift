import Foundation
import Testing

@testable import Timeline

/// Names as people remember them, through the built binary: the refusals of issue 11, each
/// accepted or refused with the error it should give.
@Suite("Names as people remember them, end to end", .serialized)
struct NamesCommandLineTests {
    @Test func idsFromTitlesKeepTheirLetters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let titles = [
            ("Ærø clinic", "aero-clinic"), ("Straße survey", "strasse-survey"), ("Łódź hospital", "lodz-hospital"),
            ("Œuvre de santé", "oeuvre-de-sante"), ("Москва: новая больница", "moskva-novaya-bolnitsa"), ("北京医院", "event-2021-03"),
        ]
        for (title, id) in titles {
            #expect(try runTimeline(["add", title, "--date", "2021-03"], in: folder).stdout == id + "\n")
        }
    }
}

import Foundation
import Testing

@testable import Timeline

/// Names as people remember them, through the library: kinds and tags whatever their case and
/// accents, ids that keep their letters, ids named by their start, "did you mean", and the
/// near-duplicates `check` finds.
@Suite("Names as people remember them")
struct NamesTests {
    @Test(arguments: [
        ("Ærø clinic", "aero-clinic"), ("Straße survey", "strasse-survey"), ("Łódź hospital", "lodz-hospital"),
        ("Œuvre de santé", "oeuvre-de-sante"), ("Москва: новая больница", "moskva-novaya-bolnitsa"),
        ("Львів і Одеса", "lviv-i-odesa"), ("Αθήνα, νοσοκομείο", "athina-nosokomeio"), ("Þingvellir ǅemal", "thingvellir-dzemal"),
        ("Ｇｏｏｇｌｅ ２０１９", "google-2019"), ("Report ٢٠٢١", "report-2021"), ("-5% on Monday", "5-on-monday"),
        ("Déclaration à l'OMS", "declaration-a-l-oms"),
    ])
    func idsFromTitlesKeepTheirLetters(title: String, id: String) {
        #expect(Identifier.slug(from: title, fallback: "event") == id)
    }

    /// A title with a letter no table here spells in ASCII gets no id from its words (never one
    /// with words missing): `event-` and its date, readable and the same for the same date.
    @Test(arguments: [
        ("世界", "2023", "event-2023"), ("Alibaba 阿里巴巴 deal", "2019-09-10?", "event-2019-09-10"), ("שלום", "../2022", "event-2022"),
    ])
    func titlesInOtherScriptsGetTheirDate(title: String, edtf: String, id: String) throws {
        let store = try memoryStore()
        #expect(try store.add(Event(title: title, date: date(edtf))).value == id)
        #expect(try store.add(Event(title: title, date: date(edtf))).value == id + "-2")
    }
}

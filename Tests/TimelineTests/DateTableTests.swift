import Foundation
import Testing
import Timeline

/// The reference day of every relative row: Friday 15 March 2024.
private let reference = Day(year: 2024, month: 3, day: 15)!

/// One accepted text: the EDTF it is stored as and, where the row is about them, its bounds.
struct AcceptedDate: Sendable, CustomTestStringConvertible {
    let input: String
    let edtf: String
    let earliest: String?
    let latest: String?

    init(_ input: String, _ edtf: String, _ earliest: String? = nil, _ latest: String? = nil) {
        self.input = input
        self.edtf = edtf
        self.earliest = earliest
        self.latest = latest
    }

    var testDescription: String { "\"\(input)\" → \(edtf)" }
}

/// One refused text and a fragment of the reason given.
struct RefusedDate: Sendable, CustomTestStringConvertible {
    let input: String
    let reason: String

    init(_ input: String, _ reason: String) {
        self.input = input
        self.reason = reason
    }

    var testDescription: String { "\"\(input)\"" }
}

private typealias A = AcceptedDate
private typealias R = RefusedDate

/// The examples of the EDTF specification (https://www.loc.gov/standards/datetime/), levels 0 and 1.
private let edtfSpecification: [AcceptedDate] = [
    // Level 0: dates and intervals
    A("1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12"),
    A("1985-04", "1985-04", "1985-04-01", "1985-04-30"),
    A("1985", "1985", "1985-01-01", "1985-12-31"),
    A("1964/2008", "1964/2008", "1964-01-01", "2008-12-31"),
    A("2004-06/2006-08", "2004-06/2006-08", "2004-06-01", "2006-08-31"),
    A("2004-02-01/2005-02-08", "2004-02-01/2005-02-08", "2004-02-01", "2005-02-08"),
    A("2004-02-01/2005-02", "2004-02-01/2005-02", "2004-02-01", "2005-02-28"),
    A("2004-02-01/2005", "2004-02-01/2005", "2004-02-01", "2005-12-31"),
    A("2005/2006-02", "2005/2006-02", "2005-01-01", "2006-02-28"),
    // Level 1: qualification
    A("1984?", "1984?", "1984-01-01", "1984-12-31"),
    A("2004-06~", "2004-06~", "2004-06-01", "2004-06-30"),
    A("2004-06-11%", "2004-06-11%", "2004-06-11", "2004-06-11"),
    // Level 1: unspecified digits
    A("201X", "201X", "2010-01-01", "2019-12-31"),
    A("20XX", "20XX", "2000-01-01", "2099-12-31"),
    A("2004-XX", "2004-XX", "2004-01-01", "2004-12-31"),
    A("1985-04-XX", "1985-04-XX", "1985-04-01", "1985-04-30"),
    A("1985-XX-XX", "1985-XX-XX", "1985-01-01", "1985-12-31"),
    // Level 1: seasons (northern meteorological: see SubYearGrouping)
    A("2001-21", "2001-21", "2001-03-01", "2001-05-31"),
    A("2001-22", "2001-22", "2001-06-01", "2001-08-31"),
    A("2001-23", "2001-23", "2001-09-01", "2001-11-30"),
    A("2001-24", "2001-24", "2001-12-01", "2002-02-28"),
    A("2003-24", "2003-24", "2003-12-01", "2004-02-29"),
    A("2001-21?", "2001-21?", "2001-03-01", "2001-05-31"),
    A("2001-23~", "2001-23~", "2001-09-01", "2001-11-30"),
    // Level 1: extended intervals
    A("1985-04-12/..", "1985-04-12/..", "1985-04-12", nil),
    A("1985-04/..", "1985-04/..", "1985-04-01", nil),
    A("1985/..", "1985/..", "1985-01-01", nil),
    A("../1985-04-12", "../1985-04-12", nil, "1985-04-12"),
    A("../1985-04", "../1985-04", nil, "1985-04-30"),
    A("../1985", "../1985", nil, "1985-12-31"),
    A("1985-04-12/", "1985-04-12/", "1985-04-12", nil),
    A("1985-04/", "1985-04/", "1985-04-01", nil),
    A("1985/", "1985/", "1985-01-01", nil),
    A("/1985-04-12", "/1985-04-12", nil, "1985-04-12"),
    A("/1985-04", "/1985-04", nil, "1985-04-30"),
    A("/1985", "/1985", nil, "1985-12-31"),
    // Level 1: qualified interval ends
    A("1984~/2004-06", "1984~/2004-06", "1984-01-01", "2004-06-30"),
    A("1984/2004-06~", "1984/2004-06~", "1984-01-01", "2004-06-30"),
    A("1984~/2004~", "1984~/2004~", "1984-01-01", "2004-12-31"),
    A("1984?/2004%", "1984?/2004%", "1984-01-01", "2004-12-31"),
    A("1984-06?/2004-08?", "1984-06?/2004-08?", "1984-06-01", "2004-08-31"),
    A("1984-06-02?/2004-08-08~", "1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-08"),
    A("1984-06-02?/", "1984-06-02?/", "1984-06-02", nil),
    A("1984-06-02?/..", "1984-06-02?/..", "1984-06-02", nil),
    A("2004-06~/2004-08", "2004-06~/2004-08", "2004-06-01", "2004-08-31"),
    A("2001-21/2001-23", "2001-21/2001-23", "2001-03-01", "2001-11-30"),
    // Level 2's thirds of a year ("quadrimesters"): what early, mid and late mean here
    A("2022-37", "2022-37", "2022-01-01", "2022-04-30"),
    A("2022-38", "2022-38", "2022-05-01", "2022-08-31"),
    A("2022-39", "2022-39", "2022-09-01", "2022-12-31"),
]

/// What the specification has that this tool refuses, and why.
private let edtfRefused: [RefusedDate] = [
    R("1985-04-12T23:20:30", "times are not supported"),
    R("1985-04-12T23:20:30Z", "times are not supported"),
    R("1985-04-12T23:20:30-04", "times are not supported"),
    R("1985-04-12T23:20:30+04:30", "times are not supported"),
    R("Y170000002", "years run from 0001 to 9999"),
    R("Y-170000002", "years run from 0001 to 9999"),
    R("Y-200000000", "years run from 0001 to 9999"),
    R("-1985", "years run from 0001 to 9999"),
    R("-1985-04-12", "years run from 0001 to 9999"),
    R("0000", "years run from 0001 to 9999"),
    R("9999-24", "years run from 0001 to 9999"),
    R("2001-21-05", "a season or part of a year (2021-21, 2022-37) has no day"),
    R("2001-25", "month 25 does not exist"),
    R("2001-34", "month 34 does not exist"),
    R("2001-40", "month 40 does not exist"),
    R("201X-21", "cannot have a month or day"),
    // Level 2, refused: qualifiers on a part, unspecified digits in the middle, sets, exponents.
    R("2004?-06-11", "a qualifier (?, ~ or %) goes at the end"),
    R("2004-06-~11", "a qualifier (?, ~ or %) goes at the end"),
    R("?2004-06-~11", "a qualifier (?, ~ or %) goes at the end"),
    R("2004-?06-11", "a qualifier (?, ~ or %) goes at the end"),
    R("156X-12-25", "cannot have a month or day"),
    R("15XX-12-XX", "cannot have a month or day"),
    R("1XXX", "only the last one or two digits"),
    R("1X32", "rightmost"),
    R("[1667,1668,1670..1672]", "not a date this tool understands"),
    R("{1960,1961-12}", "not a date this tool understands"),
    R("Y-17E7", "years run from 0001 to 9999"),
    R("1950S2", "not a date this tool understands"),
    R("2004-06-11~~", "only one qualifier"),
]

/// English and French as people write them (reference day 2024-03-15 for relative rows).
private let natural: [AcceptedDate] = [
    // Prepositions and articles
    A("en 2019", "2019"), A("in 2019", "2019"), A("En 2019", "2019"), A("courant 2019", "2019"),
    A("during 2019", "2019"), A("le 10 septembre 2019", "2019-09-10"), A("on 10 September 2019", "2019-09-10"),
    A("on September 10, 2019", "2019-09-10"), A("in September 2019", "2019-09"), A("en septembre 2019", "2019-09"),
    A("In Sept. 2019", "2019-09"), A("le 14 juillet 1789", "1789-07-14"), A("On 1 Jan 2000", "2000-01-01"),
    // Ordinals
    A("1er mai 2020", "2020-05-01"), A("le 1er mai 2020", "2020-05-01"), A("1re mai 2020", "2020-05-01"),
    A("premier mai 2020", "2020-05-01"), A("May 1st, 2020", "2020-05-01"), A("1st May 2020", "2020-05-01"),
    A("2nd June 2021", "2021-06-02"), A("June 3rd 2021", "2021-06-03"), A("21st March 2021", "2021-03-21"),
    A("11th Nov 2021", "2021-11-11"), A("March 22nd, 2023", "2023-03-22"), A("the 4th of July 1976", "1976-07-04"),
    A("12th December 2012", "2012-12-12"), A("13th Jan 2013", "2013-01-13"),
    // Every month, both languages, full names and abbreviations
    A("janvier 2020", "2020-01"), A("January 2020", "2020-01"), A("janv. 2020", "2020-01"), A("Jan 2020", "2020-01"),
    A("février 2020", "2020-02"), A("February 2020", "2020-02"), A("févr. 2020", "2020-02"), A("Feb. 2020", "2020-02"),
    A("mars 2020", "2020-03"), A("March 2020", "2020-03"), A("Mar 2020", "2020-03"),
    A("avril 2020", "2020-04"), A("April 2020", "2020-04"), A("avr. 2020", "2020-04"), A("Apr 2020", "2020-04"),
    A("mai 2020", "2020-05"), A("May 2020", "2020-05"),
    A("juin 2020", "2020-06"), A("June 2020", "2020-06"), A("Jun 2020", "2020-06"),
    A("juillet 2020", "2020-07"), A("July 2020", "2020-07"), A("juil. 2020", "2020-07"), A("Jul 2020", "2020-07"),
    A("août 2020", "2020-08"), A("August 2020", "2020-08"), A("Aug 2020", "2020-08"),
    A("septembre 2020", "2020-09"), A("September 2020", "2020-09"), A("sept. 2020", "2020-09"),
    A("octobre 2020", "2020-10"), A("October 2020", "2020-10"), A("oct. 2020", "2020-10"),
    A("novembre 2020", "2020-11"), A("November 2020", "2020-11"), A("nov. 2020", "2020-11"),
    A("décembre 2020", "2020-12"), A("December 2020", "2020-12"), A("déc. 2020", "2020-12"),
    A("DÉCEMBRE 2020", "2020-12"), A("Decembre 2020", "2020-12"),
    // Weekday and date, checked
    A("lundi 17 octobre 2022", "2022-10-17"), A("Monday, October 17, 2022", "2022-10-17"),
    A("Monday 17 October 2022", "2022-10-17"), A("Mon 17 Oct 2022", "2022-10-17"),
    A("lundi, le 17 octobre 2022", "2022-10-17"), A("le lundi 17 octobre 2022", "2022-10-17"),
    A("mardi 1er mars 2022", "2022-03-01"), A("Tuesday, March 1st, 2022", "2022-03-01"),
    A("mercredi 14 juillet 2021", "2021-07-14"), A("jeudi 25 décembre 2025", "2025-12-25"),
    A("vendredi 13 mars 2020", "2020-03-13"), A("samedi 29 février 2020", "2020-02-29"),
    A("dimanche 1er janvier 2023", "2023-01-01"), A("Sunday, January 1, 2023", "2023-01-01"),
    A("Wed. 14 July 2021", "2021-07-14"), A("Saturday 29 Feb 2020", "2020-02-29"),
    // Qualifiers
    A("probably 17 October 2022", "2022-10-17?"), A("probablement le 17 octobre 2022", "2022-10-17?"),
    A("sans doute en 2019", "2019?"), A("probably 2019", "2019?"), A("possibly Sep 2019", "2019-09?"),
    A("perhaps 2019", "2019?"), A("peut-être 2019", "2019?"), A("maybe 2019", "2019?"),
    A("about 2019", "2019~"), A("around 2019", "2019~"), A("circa 2019", "2019~"), A("c. 2019", "2019~"),
    A("ca. 2019", "2019~"), A("vers 2019", "2019~"), A("environ 2019", "2019~"), A("approx. 2019", "2019~"),
    A("vers septembre 2019", "2019-09~"), A("around 10 September 2019", "2019-09-10~"),
    A("probably around 2019", "2019%"), A("sans doute vers 1990", "1990%"), A("vers 1990 ?", "1990%"),
    A("probablement vers mai 2021", "2021-05%"), A("c. 2019?", "2019%"), A("probably c. 2019", "2019%"),
    A("2019 ?", "2019?"), A("probably spring 2021", "2021-21?"), A("vers le printemps 2021", "2021-21~"),
    // Seasons
    A("spring 2021", "2021-21", "2021-03-01", "2021-05-31"), A("printemps 2021", "2021-21"),
    A("au printemps 2021", "2021-21"), A("in the spring of 2021", "2021-21"), A("Spring 2021", "2021-21"),
    A("spring of 2021", "2021-21"),
    A("summer 2021", "2021-22", "2021-06-01", "2021-08-31"), A("été 2021", "2021-22"), A("l'été 2021", "2021-22"),
    A("en été 2021", "2021-22"), A("in summer 2021", "2021-22"), A("à l’été 2021", "2021-22"),
    A("autumn 2022", "2022-23", "2022-09-01", "2022-11-30"), A("fall 2022", "2022-23"), A("automne 2022", "2022-23"),
    A("à l'automne 2022", "2022-23"), A("en automne 2022", "2022-23"), A("in the fall of 2022", "2022-23"),
    A("winter 2022", "2022-24", "2022-12-01", "2023-02-28"), A("hiver 2022", "2022-24"),
    A("winter 2022-23", "2022-24"), A("hiver 2022-2023", "2022-24"), A("l'hiver 2023", "2023-24", "2023-12-01", "2024-02-29"),
    A("in the winter of 1999-00", "1999-24", "1999-12-01", "2000-02-29"), A("en hiver 2022", "2022-24"),
    // Early, mid, late: thirds of a year (EDTF level 2 quadrimesters 37–39)
    A("early 2022", "2022-37", "2022-01-01", "2022-04-30"), A("début 2022", "2022-37"), A("debut de 2022", "2022-37"),
    A("in early 2022", "2022-37"), A("au début de 2022", "2022-37"),
    A("mid-2022", "2022-38", "2022-05-01", "2022-08-31"), A("mid 2022", "2022-38"), A("mi-2022", "2022-38"),
    A("à la mi-2022", "2022-38"), A("in mid-2022", "2022-38"), A("milieu 2022", "2022-38"),
    A("late 2022", "2022-39", "2022-09-01", "2022-12-31"), A("fin 2022", "2022-39"), A("fin de 2022", "2022-39"),
    A("à la fin de 2022", "2022-39"), A("in late 2022", "2022-39"), A("c. late 2022", "2022-39~"),
    A("fin 2022 ?", "2022-39?"),
    // Early, mid, late in a month: days 1–10, 11–20, 21 to the end
    A("early September 2019", "2019-09-01/2019-09-10"), A("début septembre 2019", "2019-09-01/2019-09-10"),
    A("mid-September 2019", "2019-09-11/2019-09-20"), A("mi-septembre 2019", "2019-09-11/2019-09-20"),
    A("late September 2019", "2019-09-21/2019-09-30"), A("fin septembre 2019", "2019-09-21/2019-09-30"),
    A("fin février 2020", "2020-02-21/2020-02-29"), A("late Feb 2019", "2019-02-21/2019-02-28"),
    A("vers fin septembre 2019", "2019-09-21~/2019-09-30~"),
    // Decades and centuries
    A("the 2010s", "201X"), A("les années 2010", "201X"), A("années 2010", "201X"), A("the 1990s", "199X"),
    A("les années 1990", "199X"), A("1990s", "199X"), A("the 1990's", "199X"), A("dans les années 1990", "199X"),
    A("les années 1900", "190X"), A("the 1900s", "19XX"), A("vers les années 1980", "198X~"),
    A("the 19th century", "18XX", "1800-01-01", "1899-12-31"), A("19th century", "18XX"), A("le XIXe siècle", "18XX"),
    A("le 19e siècle", "18XX"), A("XIXème siècle", "18XX"), A("the 21st century", "20XX"), A("le XXIe siècle", "20XX"),
    A("20th century", "19XX"), A("le XXe siècle", "19XX"),
    // Intervals
    A("from 2019 to the present", "2019/.."), A("from 2019 to present", "2019/.."), A("2019 to the present day", "2019/.."),
    A("since 2019", "2019/.."), A("depuis 2019", "2019/.."), A("dès 2019", "2019/.."), A("Since September 2019", "2019-09/.."),
    A("depuis le 10 septembre 2019", "2019-09-10/.."), A("depuis septembre 2019", "2019-09/.."),
    A("de 2019 à nos jours", "2019/.."), A("de 2019 à aujourd'hui", "2019/.."), A("depuis vers 2019", "2019~/.."),
    A("until 2022", "../2022"), A("jusqu'en 2022", "../2022"), A("jusqu’en 2022", "../2022"),
    A("jusqu'au 10 mai 2022", "../2022-05-10"), A("up to 2022", "../2022"), A("till March 2022", "../2022-03"),
    A("jusqu'à l'automne 2022", "../2022-23"),
    A("between 2015 and 2017", "2015/2017"), A("entre 2015 et 2017", "2015/2017"), A("de 2015 à 2017", "2015/2017"),
    A("2015–2017", "2015/2017"), A("2015-2017", "2015/2017"), A("2015 - 2017", "2015/2017"), A("2015 — 2017", "2015/2017"),
    A("from 2015 to 2017", "2015/2017"), A("from 2015 until 2017", "2015/2017"), A("2015 to 2017", "2015/2017"),
    A("du 10 au 12 septembre 2019", "2019-09-10/2019-09-12"), A("du 1er mai au 30 juin 2020", "2020-05-01/2020-06-30"),
    A("de mai à juin 2022", "2022-05/2022-06"), A("from May to June 2022", "2022-05/2022-06"),
    A("between spring and autumn 2021", "2021-21/2021-23"), A("entre le printemps et l'automne 2021", "2021-21/2021-23"),
    A("from early 2020 to late 2021", "2020-37/2021-39"), A("de début 2020 à fin 2021", "2020-37/2021-39"),
    A("between 10 September 2019 and 10 September 2029", "2019-09-10/2029-09-10"),
    A("d'avril à juin 2021", "2021-04/2021-06"), A("from c. 2015 to 2017?", "2015~/2017?"),
    A("entre 2015 et aujourd'hui", "2015/.."),
    // Numeric days: read only when one order makes a real day
    A("25/12/2019", "2019-12-25"), A("12/25/2019", "2019-12-25"), A("2019/09/10", "2019-09-10"),
    A("05/05/2019", "2019-05-05"), A("31.12.2019", "2019-12-31"), A("1/13/2020", "2020-01-13"),
    A("2019.09.10", "2019-09-10"),
    // Folding: case, accents (composed or not), other spaces, curly apostrophes, letters beyond Latin-1
    A("10\u{A0}septembre\u{A0}2019", "2019-09-10"), A("vers 1990\u{202F}?", "1990%"), A("ÉTÉ 2021", "2021-22"),
    A("2015\u{2009}–\u{2009}2017", "2015/2017"), A("De\u{301}but 2022", "2022-37"), A("\t10 Sept.\n2019 ", "2019-09-10"),
    A("jusqu’au 10 mai 2022", "../2022-05-10"), A("Ōctobre 2019", "2019-10"), A("L'ÉTÉ 2021", "2021-22"),
    // Relative to Friday 2024-03-15
    A("today", "2024-03-15"), A("aujourd'hui", "2024-03-15"),
    A("yesterday", "2024-03-14"), A("hier", "2024-03-14"), A("avant-hier", "2024-03-13"),
    A("the day before yesterday", "2024-03-13"), A("tomorrow", "2024-03-16"), A("demain", "2024-03-16"),
    A("après-demain", "2024-03-17"), A("the day after tomorrow", "2024-03-17"),
    A("last Monday", "2024-03-11"), A("lundi dernier", "2024-03-11"), A("last Friday", "2024-03-08"),
    A("vendredi dernier", "2024-03-08"), A("last Saturday", "2024-03-09"), A("dimanche dernier", "2024-03-10"),
    A("jeudi dernier", "2024-03-14"), A("next Monday", "2024-03-18"), A("lundi prochain", "2024-03-18"),
    A("next Friday", "2024-03-22"),
    A("last week", "2024-03-04/2024-03-10"), A("la semaine dernière", "2024-03-04/2024-03-10"),
    A("la semaine passée", "2024-03-04/2024-03-10"), A("the week before last", "2024-02-26/2024-03-03"),
    A("il y a deux semaines", "2024-02-26/2024-03-03"), A("two weeks ago", "2024-02-26/2024-03-03"),
    A("this week", "2024-03-11/2024-03-17"), A("cette semaine", "2024-03-11/2024-03-17"),
    A("next week", "2024-03-18/2024-03-24"), A("la semaine prochaine", "2024-03-18/2024-03-24"),
    A("last month", "2024-02"), A("le mois dernier", "2024-02"), A("le mois passé", "2024-02"),
    A("the month before last", "2024-01"), A("il y a trois mois", "2023-12"), A("three months ago", "2023-12"),
    A("this month", "2024-03"), A("ce mois", "2024-03"), A("next month", "2024-04"), A("le mois prochain", "2024-04"),
    A("last year", "2023"), A("l'année dernière", "2023"), A("l'an dernier", "2023"), A("l'année passée", "2023"),
    A("l'an passé", "2023"), A("the year before last", "2022"), A("il y a deux ans", "2022"),
    A("two years ago", "2022"), A("2 years ago", "2022"), A("a year ago", "2023"), A("il y a un an", "2023"),
    A("il y a 10 ans", "2014"), A("ten years ago", "2014"), A("this year", "2024"), A("cette année", "2024"),
    A("next year", "2025"), A("l'année prochaine", "2025"),
    A("il y a trois jours", "2024-03-12"), A("3 days ago", "2024-03-12"), A("a day ago", "2024-03-14"),
    A("probably last year", "2023?"), A("vers l'année dernière", "2023~"), A("since last year", "2023/.."),
    A("depuis l'année dernière", "2023/.."), A("until yesterday", "../2024-03-14"),
    A("since last week", "2024-03-04/.."), A("from last Monday to today", "2024-03-11/.."),
    A("depuis lundi dernier", "2024-03-11/.."), A("between last year and next year", "2023/2025"),
]

/// Refused natural texts, with the reason.
private let naturalRefused: [RefusedDate] = [
    R("10/09/2019", "ambiguous: 2019-09-10 (day first, 10 Sep 2019) or 2019-10-09 (month first, 9 Oct 2019)"),
    R("01/02/2020", "ambiguous: 2020-02-01 (day first, 1 Feb 2020) or 2020-01-02 (month first, 2 Jan 2020)"),
    R("10.09.2019", "ambiguous"),
    R("10/09/19", "a year needs exactly four digits"),
    R("31/02/2019", "February 2019 has 28 days"),
    R("13/13/2019", "month 13 does not exist"),
    R("mardi 17 octobre 2022", "2022-10-17 is a Monday (lundi), not a Tuesday (mardi)"),
    R("Tuesday, October 17, 2022", "2022-10-17 is a Monday (lundi), not a Tuesday (mardi)"),
    R("Sunday 29 Feb 2020", "2020-02-29 is a Saturday (samedi), not a Sunday (dimanche)"),
    R("lundi octobre 2022", "a weekday goes with a full date"),
    R("lundi 2022", "a weekday goes with a full date"),
    R("on 10 September", "a year is needed"),
    R("le 10 septembre", "a year is needed"),
    R("September 10", "a year is needed"),
    R("10 Sep 19", "a year needs exactly four digits"),
    R("les années 2015", "a decade starts with a round year"),
    R("2015s", "not a date this tool understands"),
    R("spring", "not a date this tool understands"),
    R("winter 2022-24", "not a date this tool understands"),
    R("spring 2021-22", "not a date this tool understands"),
    R("early 10 September 2019", "not a date this tool understands"),
    R("printemps 9999 – hiver 9999", "years run from 0001 to 9999"),
    R("last", "not a date this tool understands"),
    R("this Monday", "not a date this tool understands"),
    R("last day", "not a date this tool understands"),
    R("il y a deux heures", "not a date this tool understands"),
    R("3 hours ago", "not a date this tool understands"),
    R("from 2019", "not a date this tool understands"),
    R("de 2019", "not a date this tool understands"),
    R("between 2015", "not a date this tool understands"),
    R("entre 2015 et 2017 et 2019", "not a date this tool understands"),
    R("between 2017 and 2015", "the interval ends (2015) before it starts (2017)"),
    R("depuis demain jusqu'en 2020", "not a date this tool understands"),
    R("since 2019?? ", "only one qualifier"),
    R("le 32 mai 2020", "May 2020 has 31 days"),
    R("30 février 2020", "February 2020 has 29 days"),
    R("the 101st century", "not a date this tool understands"),
    R("le 1er siècle", "years run from 0001 to 9999"),
    R("3000 years ago", "years run from 0001 to 9999"),
    R("il y a 2030 ans", "years run from 0001 to 9999"),
    R("probably", "not a date this tool understands"),
    R("sans doute", "not a date this tool understands"),
    R("c.", "not a date this tool understands"),
    R("10 h 30 le 10 mai 2020", "not a date this tool understands"),
    R("Σεπτέμβριος 2019", "not a date this tool understands"), R("2019 – ,", "not a date this tool understands"),
]

@Suite("Dates as people write them: the table")
struct DateTableTests {
    static let accepted = edtfSpecification + natural
    static let refused = edtfRefused + naturalRefused

    @Test(arguments: accepted)
    func readsAs(_ row: AcceptedDate) throws {
        let date = try PartialDate(parsing: row.input, today: reference)
        #expect(date.edtf == row.edtf)
        if let earliest = row.earliest { #expect(date.earliest?.iso == earliest) }
        if let latest = row.latest { #expect(date.latest?.iso == latest) }
    }

    /// What `display` shows parses back to the same value, and so does the stored EDTF.
    @Test(arguments: accepted)
    func displayAndEDTFParseBack(_ row: AcceptedDate) throws {
        let date = try PartialDate(parsing: row.input, today: reference)
        #expect(try PartialDate(parsing: date.display) == date, "display was \(date.display)")
        #expect(try PartialDate(parsing: date.edtf) == date)
    }

    @Test(arguments: refused)
    func refusesWithTheReason(_ row: RefusedDate) {
        let error = #expect(throws: DateParseError.self) { try PartialDate(parsing: row.input, today: reference) }
        #expect(error?.reason.contains(row.reason) == true, "reason was: \(error?.reason ?? "none")")
    }

    /// Every accepted form, as an event: the text timeline `show` prints gives it in words (its
    /// display), and it comes back as the same date through export and import in each format that
    /// can be read back.
    @Test(arguments: [Format.json, .jsonl, .csv])
    func everyAcceptedFormIsShownAndRoundTrips(_ format: Format) throws {
        let store = try memoryStore()
        var dates: [String: PartialDate] = [:]
        for (index, row) in Self.accepted.enumerated() {
            let date = try PartialDate(parsing: row.input, today: reference)
            dates["row-\(index)"] = date
            _ = try store.add(try Event(id: "row-\(index)", title: "Row \(index)", date: date).normalized())
        }
        var shown = StringOutput()
        try store.write(.text, matching: EventFilter(), to: &shown)
        for (id, date) in dates {
            #expect(shown.text.contains(date.display), "\(id) (\(date.edtf)) is shown as \(date.display)")
        }

        var exported = StringOutput()
        try store.write(format, matching: EventFilter(), to: &exported)
        let copy = try memoryStore()
        var reader = try format.reader(InputBytes(data: Data(exported.text.utf8)))
        try copy.importRecords(from: &reader)
        let imported = try copy.events()
        #expect(imported.count == dates.count)
        for event in imported {
            #expect(event.date == dates[event.id ?? ""], "\(event.id ?? "?") came back as \(event.date.edtf)")
        }
    }

    @Test func tableIsLarge() {
        #expect(Self.accepted.count + Self.refused.count >= 300)
    }

    /// How the new forms are shown: named, and read back as the same date.
    @Test(arguments: [
        ("2021-21", "spring 2021"), ("2021-22", "summer 2021"), ("2021-23", "autumn 2021"),
        ("2022-24", "winter 2022-23"), ("1999-24", "winter 1999-00"), ("2022-37", "early 2022"),
        ("2022-38", "mid-2022"), ("2022-39", "late 2022"), ("2021-21%", "c. spring 2021?"),
        ("2021-21/2021-23", "spring 2021 – autumn 2021"), ("last week", "4 Mar 2024 – 10 Mar 2024"),
        ("fin septembre 2019", "21 Sep 2019 – 30 Sep 2019"), ("le XIXe siècle", "1800s"),
        ("les années 1900", "1900s (decade)"), ("l'année dernière", "2023"), ("le mois dernier", "Feb 2024"),
    ])
    func displays(_ input: String, _ expected: String) throws {
        #expect(try PartialDate(parsing: input, today: reference).display == expected)
    }

    /// Seasons and thirds of a year are stored at month precision (their bounds are whole months).
    @Test func seasonsHaveMonthPrecision() throws {
        #expect(try PartialDate(parsing: "2021-21").precision == .month)
        #expect(try PartialDate(parsing: "early 2022").precision == .month)
        #expect(try PartialDate(parsing: "l'année dernière", today: reference).precision == .year)
        #expect(try PartialDate(parsing: "il y a deux ans", today: reference).precision == .year)
        #expect(try PartialDate(parsing: "last month", today: reference).precision == .month)
        #expect(try PartialDate(parsing: "hier", today: reference).precision == .day)
    }

    /// With an order, a numeric date both orders read is read in it, and one it cannot read is refused.
    @Test(arguments: [
        ("10/09/2019", NumericDateOrder.dayMonthYear, "2019-09-10"), ("10/09/2019", .monthDayYear, "2019-10-09"),
        ("10.09.2019", .dayMonthYear, "2019-09-10"), ("1/2/2020", .monthDayYear, "2020-01-02"),
        ("05/05/2019", .monthDayYear, "2019-05-05"), ("2019/09/10", .monthDayYear, "2019-09-10"),
        ("25/12/2019", .dayMonthYear, "2019-12-25"), ("12/25/2019", .monthDayYear, "2019-12-25"),
    ])
    func numericDatesInAnOrder(_ input: String, _ order: NumericDateOrder, _ edtf: String) throws {
        #expect(try PartialDate(parsing: input, order: order).edtf == edtf)
    }

    @Test(arguments: [
        ("25/12/2019", NumericDateOrder.monthDayYear, "read month first (mdy), month 25 does not exist"),
        ("12/25/2019", .dayMonthYear, "read day first (dmy), month 25 does not exist"),
        ("31/02/2019", .dayMonthYear, "read day first (dmy), February 2019 has 28 days"),
        ("10/09/19", .dayMonthYear, "a year needs exactly four digits"),
    ])
    func numericDatesThatTheOrderRefuses(_ input: String, _ order: NumericDateOrder, _ reason: String) {
        let error = #expect(throws: DateParseError.self) { try PartialDate(parsing: input, order: order) }
        #expect(error?.reason == reason || error?.reason.hasPrefix(reason) == true, "reason was: \(error?.reason ?? "none")")
        #expect(error?.isAmbiguousNumericDate == false)
    }

    /// Only a numeric date that both orders read says an order would settle it.
    @Test func ambiguityIsMarked() {
        let ambiguous = #expect(throws: DateParseError.self) { try PartialDate(parsing: "10/09/2019") }
        #expect(ambiguous?.isAmbiguousNumericDate == true)
        let impossible = #expect(throws: DateParseError.self) { try PartialDate(parsing: "31/02/2019") }
        #expect(impossible?.isAmbiguousNumericDate == false)
    }

    @Test func weekdaysAreISO() throws {
        #expect(Day(year: 1970, month: 1, day: 1)!.weekday == 4)
        #expect(Day(year: 2022, month: 10, day: 17)!.weekday == 1)
        #expect(Day(year: 2024, month: 3, day: 17)!.weekday == 7)
        #expect(Day(year: 1, month: 1, day: 1)!.weekday == 1)
    }
}

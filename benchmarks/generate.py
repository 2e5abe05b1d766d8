#!/usr/bin/env python3
"""Deterministic synthetic timelines for the benchmarks.

    benchmarks/generate.py --events 100000 --seed 1 --out DIR

writes, for the same timeline:
  DIR/timeline.jsonl   our JSON Lines (actors, sources, partnerships, then events)
  DIR/timeline.json    our JSON document (with --json)
  DIR/csv/*.csv        flat tables for the sqlite3 shell's .import (the comparison path)

Titles of about 60 characters and summaries of about 400, in English and French with
accents; dates from 1990 to 2030 at mixed precisions, some uncertain or approximate, some
intervals; 8 kinds; 2,000 actors with a skewed (Zipf-like) popularity; 1-3 actors and 0-3
tags per event; 500 sources; 20 partnerships; quotes on about 5% of events. The same
--events and --seed always give the same bytes.
"""
import argparse, bisect, csv, itertools, json, os, random

KINDS = ["partnership", "statement", "campaign", "launch", "announcement", "agreement", "investment", "report"]
TAGS = ["ai", "cloud", "health-data", "covid-19", "vaccination", "privacy", "research", "funding", "genomics", "imaging",
        "telehealth", "regulation", "lawsuit", "acquisition", "office", "platform", "social-media", "world-health-summit",
        "données", "santé", "hôpital", "éthique", "recherche", "financement", "partenariat", "numérique", "sécurité",
        "assurance", "pharma", "oncology", "cardiology", "pediatrics", "nursing", "education", "open-data", "standards",
        "interoperability", "cybersecurity", "wearables", "robotics"]
EN = ("the clinic announces a partnership with the cloud provider to analyse medical records and patient data while "
      "keeping control of access through institutional review and strict security on every project in research and care "
      "for millions of people across the country and abroad with new tools for doctors nurses and scientists").split()
FR = ("la clinique annonce un partenariat stratégique avec le fournisseur pour analyser les données médicales des patients "
      "tout en gardant le contrôle de l'accès grâce à une gouvernance éthique et une sécurité renforcée pour chaque projet "
      "de recherche et de soins à l'hôpital comme à domicile avec des outils numériques pour les médecins et infirmières").split()
SYLLABLES = ["ma", "yo", "clé", "vé", "lan", "gen", "tek", "no", "va", "ré", "sa", "lu", "té", "bio", "med", "cor", "pha", "ris"]
ORG_WORDS = ["Clinic", "Health", "Hospital", "Labs", "Group", "Foundation", "Institute", "Cloud", "Systems", "Santé", "Hôpital",
             "Université", "Pharma", "Care", "Network"]
FIRST = ["Molly", "Sundar", "Amélie", "Jérôme", "Ngozi", "Hiro", "Lucía", "Björn", "Zoë", "Omar", "Chloé", "Raphaël"]


def word_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def sentence(rng, words, length):
    text, out = 0, []
    while text < length:
        word = rng.choice(words)
        out.append(word)
        text += len(word) + 1
    return " ".join(out)[:length].rstrip().capitalize() + "."


def make_date(rng):
    """An EDTF date and its first and last day (or None for an open end)."""
    year = rng.randint(1990, 2030)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.50:
        edtf, start, end = f"{year:04}-{month:02}-{day:02}", f"{year:04}-{month:02}-{day:02}", f"{year:04}-{month:02}-{day:02}"
        precision = "day"
    elif roll < 0.75:
        last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        edtf, start, end, precision = f"{year:04}-{month:02}", f"{year:04}-{month:02}-01", f"{year:04}-{month:02}-{last:02}", "month"
    elif roll < 0.92:
        edtf, start, end, precision = f"{year:04}", f"{year:04}-01-01", f"{year:04}-12-31", "year"
    elif roll < 0.97:
        other = min(2030, year + rng.randint(1, 10))
        edtf, start, end, precision = f"{year:04}-{month:02}-{day:02}/{other:04}", f"{year:04}-{month:02}-{day:02}", f"{other:04}-12-31", "day"
    else:
        edtf, start, end, precision = f"{year:04}-{month:02}-{day:02}/..", f"{year:04}-{month:02}-{day:02}", None, "day"
    uncertain = approximate = False
    if "/" not in edtf:
        flag = rng.random()
        if flag < 0.05:
            edtf, uncertain = edtf + "?", True
        elif flag < 0.08:
            edtf, approximate = edtf + "~", True
    return edtf, start, end, precision, uncertain, approximate


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--json", action="store_true", help="also write the JSON document")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "csv"), exist_ok=True)

    actors, seen = [], set()
    while len(actors) < 2000:
        if rng.random() < 0.2:
            name, kind = f"{rng.choice(FIRST)} {word_name(rng)}", "person"
        else:
            name, kind = f"{word_name(rng)} {rng.choice(ORG_WORDS)}", "organization"
        if name.lower() not in seen:
            seen.add(name.lower())
            actors.append((name, kind))
    # Zipf-like popularity: the first actors appear in a large share of events.
    weights = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(actors))))
    tag_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(TAGS))))

    def pick(cumulative, count):
        chosen = []
        while len(chosen) < count:
            index = bisect.bisect(cumulative, rng.random() * cumulative[-1])
            if index not in chosen:
                chosen.append(index)
        return chosen

    sources = [{"id": f"source-{n:04}", "title": sentence(rng, FR if n % 2 else EN, 50), "url": f"https://news.example.org/{n:04}",
                "publisher": f"{word_name(rng)} News", "published": f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02}",
                "language": "fr" if n % 2 else "en"} for n in range(500)]
    organizations = [index for index, (_, kind) in enumerate(actors) if kind == "organization"]
    partnerships = []
    for n in range(20):
        members = rng.sample(organizations[:200], 2)
        year = rng.randint(1995, 2025)
        partnerships.append({"id": f"partnership-{n:02}", "name": f"{actors[members[0]][0]} – {actors[members[1]][0]} partnership",
                             "date": f"{year}-{rng.randint(1, 12):02}/{year + rng.randint(1, 10)}", "term": f"{rng.randint(2, 10)} years",
                             "members": [{"name": actors[m][0], "role": "partner"} for m in members],
                             "terms": [sentence(rng, EN, 80) for _ in range(rng.randint(1, 4))],
                             "sources": [{"source": sources[rng.randrange(500)]["id"]}]})

    out = args.out
    jsonl = open(os.path.join(out, "timeline.jsonl"), "w", encoding="utf-8")
    document = {"timeline": 2, "actors": [], "sources": sources, "partnerships": partnerships, "events": []} if args.json else None
    tables = {name: csv.writer(open(os.path.join(out, "csv", f"{name}.csv"), "w", encoding="utf-8", newline=""))
              for name in ["events", "actors", "event_actors", "event_tags", "sources", "event_sources", "quotes", "event_partnerships"]}
    tables["events"].writerow(["uid", "title", "summary", "kind", "date", "start", "end", "precision", "uncertain", "approximate"])
    tables["actors"].writerow(["name", "kind"])
    tables["event_actors"].writerow(["uid", "position", "actor", "role"])
    tables["event_tags"].writerow(["uid", "tag"])
    tables["sources"].writerow(["uid", "title", "url", "publisher", "published", "language"])
    tables["event_sources"].writerow(["uid", "position", "source", "locator"])
    tables["quotes"].writerow(["uid", "position", "speaker", "text", "language", "translation", "translation_language"])
    tables["event_partnerships"].writerow(["uid", "partnership"])

    def line(kind, record):
        jsonl.write(json.dumps({"type": kind, **record}, ensure_ascii=False, separators=(",", ":")) + "\n")

    for name, kind in actors:
        record = {"name": name, "kind": kind}
        line("actor", record)
        tables["actors"].writerow([name, kind])
        if document: document["actors"].append(record)
    for source in sources:
        line("source", source)
        tables["sources"].writerow([source["id"], source["title"], source["url"], source["publisher"], source["published"], source["language"]])
    for partnership in partnerships:
        line("partnership", partnership)

    for n in range(args.events):
        words = FR if rng.random() < 0.4 else EN
        edtf, start, end, precision, uncertain, approximate = make_date(rng)
        event = {"id": f"ev-{n:07}", "date": edtf, "title": sentence(rng, words, rng.randint(50, 70)),
                 "summary": sentence(rng, words, rng.randint(350, 450)), "kind": KINDS[min(int(rng.expovariate(0.6)), 7)]}
        chosen = pick(weights, rng.choice([1, 1, 2, 2, 2, 3]))
        roles = ["partner", "host", "speaker", None]
        event["actors"] = [{"name": actors[i][0], **({"role": r} if (r := rng.choice(roles)) else {})} for i in chosen]
        tags = sorted((TAGS[i] for i in pick(tag_weights, rng.randint(0, 3))), key=lambda t: (t.lower(), t))
        if tags: event["tags"] = tags
        citations = [{"source": sources[i]["id"], "locator": f"§{rng.randint(1, 20)}"} for i in rng.sample(range(500), rng.randint(0, 2))]
        if citations: event["sources"] = citations
        if rng.random() < 0.1:
            event["partnership"] = partnerships[rng.randrange(20)]["id"]
            tables["event_partnerships"].writerow([event["id"], event["partnership"]])
        speaker = next((actors[i][0] for i in chosen if actors[i][1] == "person"), None)
        if speaker and rng.random() < 0.3:
            event["quotes"] = [{"speaker": speaker, "text": sentence(rng, FR, 120), "language": "fr",
                                "translation": sentence(rng, EN, 120), "translation_language": "en"}]
        line("event", event)
        if document: document["events"].append(event)
        tables["events"].writerow([event["id"], event["title"], event["summary"], event["kind"], edtf, start or "", end or "",
                                   precision, int(uncertain), int(approximate)])
        for position, actor in enumerate(event["actors"]):
            tables["event_actors"].writerow([event["id"], position, actor["name"], actor.get("role", "")])
        for tag in tags:
            tables["event_tags"].writerow([event["id"], tag])
        for position, citation in enumerate(citations):
            tables["event_sources"].writerow([event["id"], position, citation["source"], citation["locator"]])
        for position, quote in enumerate(event.get("quotes", [])):
            tables["quotes"].writerow([event["id"], position, quote["speaker"], quote["text"], "fr", quote["translation"], "en"])
    jsonl.close()
    if document:
        with open(os.path.join(out, "timeline.json"), "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False, indent=2)
    # Partnerships for the shell path, as SQL (a handful of rows).
    with open(os.path.join(out, "csv", "partnerships.sql"), "w", encoding="utf-8") as sql:
        def q(text): return "'" + text.replace("'", "''") + "'"
        for p in partnerships:
            year, rest = p["date"].split("-", 1)
            month, end_year = rest.split("/")
            sql.write(f"INSERT INTO partnerships (uid, name, date, start, end, term) VALUES ({q(p['id'])}, {q(p['name'])}, "
                      f"{q(p['date'])}, '{year}-{month}-01', '{end_year}-12-31', {q(p['term'])});\n")
            for position, member in enumerate(p["members"]):
                sql.write(f"INSERT INTO partnership_members SELECT p.id, {position}, a.id, 'partner' FROM partnerships p, actors a "
                          f"WHERE p.uid = {q(p['id'])} AND a.name = {q(member['name'])};\n")
            for position, clause in enumerate(p["terms"]):
                sql.write(f"INSERT INTO partnership_terms SELECT id, {position}, {q(clause)} FROM partnerships WHERE uid = {q(p['id'])};\n")
            sql.write(f"INSERT INTO partnership_sources SELECT p.id, 0, s.id, NULL FROM partnerships p, sources s "
                      f"WHERE p.uid = {q(p['id'])} AND s.uid = {q(p['sources'][0]['source'])};\n")
    print(f"wrote {args.events} events to {out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds timeline pages the way `timeline export --format html` does (assets/page/README.md).

The reference the tests hold the Swift writer to (the same list bytes for the same payload):
  build_page.py example  OUT.html        the example (examples/mayo-google.json)
  build_page.py generate N OUT.html      N deterministic events (seeded), lanes=partnership
  build_page.py hostile  OUT.html        injected payloads: the page must show them as text
  build_page.py payload  PAYLOAD.json OUT.html
"""
import base64
import hashlib
import html
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets" / "page"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SEASONS = {21: ("Spring", 3, 5), 22: ("Summer", 6, 8), 23: ("Autumn", 9, 11), 24: ("Winter", 12, 2)}


# ------------------------------------------------------------------ dates (EDTF subset)

def _last_day(y, m):
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _iso(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}" if y >= 0 else f"-{-y:04d}-{m:02d}-{d:02d}"


def parse_point(text):
    """One EDTF point -> dict(start, end, precision, uncertain, approximate, display)."""
    q = ""
    while text and text[-1] in "?~%":
        q += text[-1]
        text = text[:-1]
    uncertain = "?" in q or "%" in q
    approximate = "~" in q or "%" in q
    m = re.fullmatch(r"(-?)(\d\dXX|\d{3}X|\d{4})(?:-(\d\d|XX)(?:-(\d\d|XX))?)?", text)
    if not m:
        raise ValueError(f"unsupported date {text!r}")
    sign, ys, ms, ds = m.groups()
    if ys.endswith("XX"):
        c = int(ys[:2]) * 100
        start, end, prec, disp = _iso(c, 1, 1), _iso(c + 99, 12, 31), "century", f"{c}s"
    elif ys.endswith("X"):
        dcd = int(ys[:3]) * 10
        start, end, prec = _iso(dcd, 1, 1), _iso(dcd + 9, 12, 31), "decade"
        disp = f"{dcd}s (decade)" if dcd % 100 == 0 else f"{dcd}s"
    else:
        y = int(ys) * (-1 if sign else 1)
        if ms is None or ms == "XX":
            start, end, prec = _iso(y, 1, 1), _iso(y, 12, 31), "year"
            disp = f"{y:04d}" + (" (month unknown)" if ms == "XX" else "")
        elif int(ms) > 12:
            name, a, b = SEASONS[int(ms)]
            y2 = y + 1 if b < a else y
            start, end, prec, disp = _iso(y, a, 1), _iso(y2, b, _last_day(y2, b)), "season", f"{name} {y}"
        elif ds is None or ds == "XX":
            mo = int(ms)
            start, end, prec = _iso(y, mo, 1), _iso(y, mo, _last_day(y, mo)), "month"
            disp = f"{MONTHS[mo - 1]} {y:04d}" + (" (day unknown)" if ds == "XX" else "")
        else:
            mo, d = int(ms), int(ds)
            start = end = _iso(y, mo, d)
            prec, disp = "day", f"{d} {MONTHS[mo - 1]} {y:04d}"
    disp = ("c. " if approximate else "") + disp + ("?" if uncertain else "")
    return dict(start=start, end=end, precision=prec, uncertain=uncertain, approximate=approximate, display=disp)


def make_date(edtf):
    """EDTF string -> the payload's DATE object."""
    if "/" not in edtf:
        p = parse_point(edtf)
        return {"edtf": edtf, "display": p["display"], "start": p["start"], "end": p["end"],
                "startKind": "date", "endKind": "date", "precision": p["precision"],
                "uncertain": p["uncertain"], "approximate": p["approximate"]}
    a, b = edtf.split("/", 1)

    def side(s, is_start):
        if s == "..":
            return None, "open", ("…" if is_start else "present")
        if s == "":
            return None, "unknown", "?"
        return parse_point(s), "date", None

    pa, ka, da = side(a, True)
    pb, kb, db = side(b, False)
    pts = [p for p in (pa, pb) if p]
    return {"edtf": edtf,
            "display": f"{pa['display'] if pa else da} – {pb['display'] if pb else db}",
            "start": pa["start"] if pa else None, "end": pb["end"] if pb else None,
            "startKind": ka, "endKind": kb,
            "precision": (pa or pb)["precision"],
            "uncertain": any(p["uncertain"] for p in pts),
            "approximate": any(p["approximate"] for p in pts)}


def timeline_key(event):
    d = event["date"]
    return (d["start"] or d["end"] or "", d["end"] or "9999", event["title"])


# ------------------------------------------------------------------ the list ({{list}})

def esc(s):
    return html.escape(str(s), quote=True).replace("&#x27;", "&#39;")  # & < > " ' (as &#39;, as the Swift writer does)


SAFE_URL = re.compile(r"(https?://|mailto:)[^\x00-\x20\x7f]+", re.IGNORECASE)
SAFE_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def safe_url(u):
    return isinstance(u, str) and SAFE_URL.fullmatch(u) is not None


def lang_attr(lang):
    return f' lang="{esc(lang)}"' if isinstance(lang, str) and SAFE_LANG.fullmatch(lang) else ""


def source_html(s):
    label = s.get("title") or s.get("url") or s.get("id") or "Source"
    url = s.get("url")
    cite = f'<a href="{esc(url)}">{esc(label)}</a>' if safe_url(url) else esc(label)
    out = f'<span class="source"><cite>{cite}</cite>'
    if url and not safe_url(url) and s.get("title"):
        out += f'<span class="url"> ({esc(url)})</span>'
    if s.get("publisher"):
        out += f'<span class="publisher">, {esc(s["publisher"])}</span>'
    if s.get("published"):
        out += f'<span class="published">, {esc(s["published"])}</span>'
    if s.get("locator"):
        out += f'<span class="locator">: {esc(s["locator"])}</span>'
    return out + "</span>"


def datetime_attr(d):
    if "/" in d["edtf"] or not d.get("start") or not re.fullmatch(r"\d{4}-\d\d-\d\d", d["start"]):
        return None
    return {"day": d["start"][:10], "month": d["start"][:7], "year": d["start"][:4]}.get(d["precision"])


COMPACT_ABOVE = 1000  # more events than this: the compact list, in <noscript>
COMPACT_START = ('<p class="list-note">The title and date of every event; the chart shows the details.</p>\n'
                 '<noscript><ol class="events events--compact">')


def list_html(payload):
    names = {p["id"]: p["name"] for p in payload.get("partnerships", [])}
    events = payload.get("events", [])
    compact = len(events) > COMPACT_ABOVE
    out = [COMPACT_START if compact else '<ol class="events">']
    for i, e in enumerate(events):
        d = e["date"]
        dt = datetime_attr(d)
        when = f'<time datetime="{dt}">{esc(d["display"])}</time>' if dt else esc(d["display"])
        if compact:
            out.append(f'<li id="event-{i}" data-index="{i}"><h3>{esc(e["title"])}</h3>'
                       f'<p class="when" data-edtf="{esc(d["edtf"])}">{when}</p></li>')
            continue
        parts = [f'<li id="event-{i}" data-index="{i}"><article aria-labelledby="event-{i}-title">',
                 f'<h3 id="event-{i}-title">{esc(e["title"])}</h3>',
                 f'<p class="when" data-edtf="{esc(d["edtf"])}">{when}</p>']
        facts = ""
        if e.get("kind"):
            facts += f'<dt>Kind</dt><dd>{esc(e["kind"])}</dd>'
        if e.get("partnership"):
            facts += f'<dt>Partnership</dt><dd>{esc(names.get(e["partnership"], e["partnership"]))}</dd>'
        if e.get("actors"):
            items = "".join(f'<li>{esc(a["name"])}' + (f'<span class="role"> ({esc(a["role"])})</span>' if a.get("role") else "") + "</li>"
                            for a in e["actors"])
            facts += f'<dt>Actors</dt><dd><ul class="actors">{items}</ul></dd>'
        if e.get("tags"):
            facts += '<dt>Tags</dt><dd><ul class="tags">' + "".join(f"<li>{esc(t)}</li>" for t in e["tags"]) + "</ul></dd>"
        if facts:
            parts.append(f'<dl class="facts">{facts}</dl>')
        if e.get("summary"):
            parts.append(f'<p class="summary">{esc(e["summary"])}</p>')
        for q in e.get("quotes") or []:
            fig = (f'<figure class="quote"><blockquote{lang_attr(q.get("language"))}><p>{esc(q["text"])}</p></blockquote>')
            if q.get("translation"):
                fig += f'<p class="translation"{lang_attr(q.get("translationLanguage"))}>{esc(q["translation"])}</p>'
            fig += f'<figcaption>— <span class="speaker">{esc(q["speaker"])}</span>'
            if q.get("role"):
                fig += f'<span class="role">, {esc(q["role"])}</span>'
            if q.get("source"):
                fig += ". " + source_html(q["source"])
            parts.append(fig + "</figcaption></figure>")
        if e.get("sources"):
            parts.append('<ul class="sources">' + "".join(f"<li>{source_html(s)}</li>" for s in e["sources"]) + "</ul>")
        parts.append("</article></li>")
        out.append("".join(parts))
    out.append("</ol></noscript>" if compact else "</ol>")
    return "\n".join(out)


# ------------------------------------------------------------------ the page

def lean(value, key=None):
    """The payload as written: members that are null, false or [] left out, and a date's
    startKind/endKind when "date" (assets/page/README.md)."""
    if isinstance(value, list):
        return [lean(v) for v in value]
    if isinstance(value, dict):
        return {k: lean(v, k) for k, v in value.items()
                if v is not None and v is not False and v != [] and not (k in ("startKind", "endKind") and v == "date")}
    return value


def expand(payload):
    """The lean payload with every member back (what the tests compare with)."""
    def date(d):
        if d is None:
            return None
        return dict({"start": None, "end": None, "startKind": "date", "endKind": "date", "uncertain": False, "approximate": False}, **d)

    def source(s):
        return None if s is None else dict({k: None for k in ("id", "title", "url", "publisher", "published", "locator")}, **s)

    def people(xs):
        return [dict({"role": None}, **x) for x in xs or []]
    out = {"description": None, "partnerships": [], "events": [], **payload}
    out["partnerships"] = [{"id": None, "date": None, "term": None, "summary": None, "members": [], "terms": [], "sources": [],
                            **p, "date": date(p.get("date")), "members": people(p.get("members")),
                            "sources": [source(x) for x in p.get("sources", [])]} for p in out["partnerships"]]
    out["events"] = [{"id": None, "kind": None, "actors": [], "tags": [], "partnership": None, "summary": None,
                      "quotes": [], "sources": [], **e, "date": date(e["date"]), "actors": people(e.get("actors")),
                      "quotes": [{**{k: None for k in ("role", "language", "translation", "translationLanguage", "source")},
                                  **q, "source": source(q.get("source"))} for q in e.get("quotes", [])],
                      "sources": [source(x) for x in e.get("sources", [])]} for e in out["events"]]
    return out


def json_for_script(payload):
    text = json.dumps(lean(payload), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def sha256_b64(text):
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def build(payload, assets=ASSETS):
    template = (assets / "page.html").read_text(encoding="utf-8")
    css = (assets / "page.css").read_text(encoding="utf-8")
    js = (assets / "page.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; script-src 'sha256-{sha256_b64(js)}'; style-src 'sha256-{sha256_b64(css)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {
        "lang": "en",
        "title": esc(payload["title"]),
        "description": esc(payload.get("description") or ""),
        "csp": csp,
        "style": css,
        "script": js,
        "list": list_html(payload),
        "data": json_for_script(payload),
    }
    # One pass over the template: text that was put in is never scanned again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


# ------------------------------------------------------------------ payloads

def source_obj(ref, catalog):
    if isinstance(ref, str):
        ref = {"source": ref}
    s = dict(catalog.get(ref.get("source"), {}))
    return {"id": ref.get("source") or s.get("id"), "title": s.get("title"), "url": s.get("url"),
            "publisher": s.get("publisher"), "published": s.get("published"), "locator": ref.get("locator")}


def example_payload(path=ROOT / "examples" / "mayo-google.json", today="2026-12-02", lanes="partnership"):
    """The interchange file -> the writer's payload (what `export --format html` would embed)."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    catalog = {s["id"]: s for s in doc.get("sources", [])}
    affiliations = {a["name"]: a.get("affiliations", []) for a in doc.get("actors", [])}

    def role_at(name, when):
        for a in affiliations.get(name, []):
            if str(when or "")[:4] >= str(a.get("date", ""))[:4]:
                return a["role"] + (", " + a["organization"] if a.get("organization") else "")
        return None

    parts = []
    for p in doc.get("partnerships", []):
        date = make_date(p["date"]) if p.get("date") else None
        status = "active" if date and date["start"] and date["start"] <= today and (date["end"] or "9999") >= today else "unknown"
        parts.append({"id": p["id"], "name": p["name"], "date": date, "status": status, "term": p.get("term"),
                      "summary": p.get("summary"),
                      "members": [{"name": m["name"], "role": m.get("role")} for m in p.get("members", [])],
                      "terms": p.get("terms", []), "sources": [source_obj(s, catalog) for s in p.get("sources", [])]})
    events = []
    for e in doc["events"]:
        date = make_date(e["date"])
        events.append({
            "id": e.get("id"), "title": e["title"], "date": date, "kind": e.get("kind"),
            "actors": [{"name": a["name"], "role": a.get("role")} for a in e.get("actors", [])],
            "tags": e.get("tags", []), "partnership": e.get("partnership"), "summary": e.get("summary"),
            "quotes": [{"speaker": q["speaker"], "role": role_at(q["speaker"], date["start"]), "text": q["text"],
                        "language": q.get("language"), "translation": q.get("translation"),
                        "translationLanguage": q.get("translation_language"),
                        "source": source_obj({"source": q["source"], "locator": q.get("locator")}, catalog) if q.get("source") else None}
                       for q in e.get("quotes", [])],
            "sources": [source_obj(s, catalog) for s in e.get("sources", [])]})
    events.sort(key=timeline_key)
    return {"title": "Mayo Clinic and Google", "description":
            "How Mayo Clinic's ten-year partnership with Google came about, and what its people said about it.",
            "today": today, "lanes": lanes, "partnerships": parts, "events": events}


WORDS = ("agreement board cloud data deal expansion fund grant hospital investment lab launch merger network "
         "office pilot platform programme research review study summit trial venture").split()
KINDS = ["announcement", "agreement", "statement", "launch", "investment", "report", "hearing", "campaign"]


def generated_payload(n, seed=20261202, lanes="partnership"):
    """n events, deterministic: mixed precision, uncertain/approximate, open and unknown ends."""
    rnd = random.Random(seed)
    actors = [f"Organisation {chr(65 + i % 26)}{i // 26 or ''}" for i in range(60)]
    tags = [f"tag-{w}" for w in WORDS]
    base = date(1996, 1, 1)
    span = (date(2026, 11, 30) - base).days
    parts = []
    for k in range(12):
        s = base + timedelta(days=rnd.randrange(span - 800))
        end = rnd.choice(["closed", "closed", "open", "unknown"])
        if end == "closed":
            e = min(s + timedelta(days=rnd.randrange(200, 4000)), date(2029, 1, 1))
            edtf = f"{s.isoformat()}/{e.strftime('%Y-%m')}"
        else:
            edtf = f"{s.isoformat()}/" + (".." if end == "open" else "")
        members = rnd.sample(actors, 3)
        parts.append({"id": f"p{k}", "name": f"{members[0]} – {members[1]} {rnd.choice(WORDS)} partnership",
                      "date": make_date(edtf), "status": {"open": "active", "unknown": "unknown"}.get(end, "ended"),
                      "term": f"{rnd.randrange(2, 11)} years", "summary": f"Partnership {k} of the generated timeline.",
                      "members": [{"name": m, "role": rnd.choice(["partner", "funder", None])} for m in members],
                      "terms": [f"Clause {c + 1}: {' '.join(rnd.sample(WORDS, 6))}." for c in range(rnd.randrange(1, 4))],
                      "sources": [{"id": f"ps{k}", "title": f"Partnership {k} announced", "url": f"https://example.org/p/{k}",
                                   "publisher": "Example Wire", "published": "1 Jan 2020", "locator": None}]})
    events = []
    for i in range(n):
        d = base + timedelta(days=rnd.randrange(span))
        r = rnd.random()
        if r < 0.6:
            edtf = d.isoformat()
        elif r < 0.8:
            edtf = d.strftime("%Y-%m")
        elif r < 0.88:
            edtf = d.strftime("%Y")
        elif r < 0.94:
            edtf = f"{d.isoformat()}/{(d + timedelta(days=rnd.randrange(20, 900))).strftime('%Y-%m')}"
        elif r < 0.97:
            edtf = f"{d.strftime('%Y-%m')}/.."
        else:
            edtf = f"{d.isoformat()}/"
        if "/" not in edtf:
            q = rnd.random()
            edtf += "?" if q < 0.1 else "~" if q < 0.18 else ""
        who = rnd.sample(actors, rnd.randrange(1, 4))
        p = rnd.choice(parts)["id"] if rnd.random() < 0.6 else None
        ev = {"id": f"e{i}", "title": f"{who[0]} {rnd.choice(WORDS)} {rnd.choice(WORDS)} #{i}", "date": make_date(edtf),
              "kind": rnd.choice(KINDS) if rnd.random() < 0.9 else None,
              "actors": [{"name": a, "role": rnd.choice(["partner", "speaker", "funder", None])} for a in who],
              "tags": rnd.sample(tags, rnd.randrange(0, 3)), "partnership": p,
              "summary": " ".join(rnd.choice(WORDS) for _ in range(18)).capitalize() + ".",
              "quotes": [], "sources": [{"id": None, "title": f"Report {i}", "url": f"https://example.org/news/{i}",
                                         "publisher": "Example Times", "published": d.strftime("%-d %b %Y"), "locator": None}]}
        if rnd.random() < 0.15:
            ev["quotes"].append({"speaker": who[0], "role": "CEO", "text": "Nous " + " ".join(rnd.sample(WORDS, 8)) + ".",
                                 "language": "fr", "translation": "We " + " ".join(rnd.sample(WORDS, 8)) + ".",
                                 "translationLanguage": "en", "source": None})
        events.append(ev)
    events.sort(key=timeline_key)
    return {"title": f"Generated timeline of {n:,} events", "description": "Deterministic test data.",
            "today": "2026-12-02", "lanes": lanes, "partnerships": parts, "events": events}


XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_QUOTE = "He said </script><script>alert(2)</script> and left"
XSS_URL = "javascript:alert(1)"


def hostile_payload():
    p = example_payload()
    p["title"] = XSS_TITLE
    p["description"] = "<b onmouseover=alert(3)>bold</b> & \"quoted\" 'single' {{list}} \u2028 line"
    e = p["events"][0]
    e["title"] = XSS_TITLE
    e["summary"] = "<script>alert(4)</script> <!-- not a comment -->"
    e["actors"].append({"name": "\"><svg onload=alert(5)>", "role": "<i>role</i>"})
    e["tags"].append("x' onfocus='alert(6)")
    e["quotes"] = [{"speaker": "<b>Speaker</b>", "role": "</script>", "text": XSS_QUOTE, "language": "en\" onclick=\"alert(7)",
                    "translation": None, "translationLanguage": None,
                    "source": {"id": None, "title": "Evil", "url": XSS_URL, "publisher": None, "published": None, "locator": None}}]
    e["sources"] = [{"id": None, "title": "A javascript link", "url": XSS_URL, "publisher": "<i>Pub</i>", "published": None, "locator": None},
                    {"id": None, "title": None, "url": " JaVaScRiPt:alert(8)", "publisher": None, "published": None, "locator": None},
                    {"id": None, "title": "Data URL", "url": "data:text/html,<script>alert(9)</script>", "publisher": None, "published": None, "locator": None},
                    {"id": None, "title": "Fine", "url": "https://example.org/a?b=<c>&d=\"e\"", "publisher": None, "published": None, "locator": None}]
    p["partnerships"][0]["name"] = "</script><img src=x onerror=alert(10)>"
    return p


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "example":
        payload, out = example_payload(), argv[2]
    elif cmd == "generate":
        payload, out = generated_payload(int(argv[2])), argv[3]
    elif cmd == "hostile":
        payload, out = hostile_payload(), argv[2]
    elif cmd == "payload":
        payload, out = json.loads(Path(argv[2]).read_text(encoding="utf-8")), argv[3]
    else:
        sys.exit(__doc__)
    Path(out).write_text(build(payload), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)

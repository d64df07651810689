"""A project holding every kind of malformed use of every directive and role of the extension
(``tests/roots/test-bad-input``): its build ends with exactly the expected located warnings, no
traceback, and every valid item next to the bad ones still rendered."""

from __future__ import annotations

import re

import pytest
from kit import soup, warning_lines

from sphinx_workshop.diagnostics import SUBTYPES
from sphinx_workshop.papers import anchor_for as paper_anchor
from sphinx_workshop.people import anchor_for as person_anchor

WARNING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.]+)\]$")

#: (file, line, "type.subtype", a fragment of the message naming the offending input), in any order.
EXPECTED = sorted(
    [
        # papers: roles
        ("papers.md", 5, "workshop.cite_empty", "{cite}`,`"),
        ("papers.md", 5, "workshop.cite_empty", "{cite}`fine,,`"),
        ("papers.md", 5, "workshop.cite_unknown", "'nosuchkey' in {cite}"),
        ("papers.md", 5, "workshop.cite_unknown", "'alsomissing' in {paper}"),
        # papers: the references directive and its bibfiles
        ("papers.md", 12, "workshop.unknown_option", ":colour:"),
        ("papers.md", 9, "workshop.bad_option", ":order: 'sideways'"),
        ("papers.md", 10, "workshop.bad_option", ":style: 'fancy'"),
        ("papers.md", 11, "workshop.bad_option", ":sort: 'colour'"),
        ("papers.md", 7, "workshop.bibfile_missing", "'missing.bib'"),
        ("papers.md", 7, "workshop.bibfile_outside", "'../outside.bib'"),
        ("broken.bib", 10, "workshop.bibfile_parse", "syntax error"),
        ("broken.bib", 6, "workshop.paper_no_title", "'broken'"),
        ("refs.bib", 7, "workshop.duplicate_key", "'fine'"),
        # papers: paper entries
        ("papers.md", 19, "workshop.paper_no_title", "'notitle'"),
        ("papers.md", 28, "workshop.unknown_option", ":pages:"),
        ("papers.md", 25, "workshop.bad_url", "'javascript:alert(1)'"),  # each at its option's line
        ("papers.md", 26, "workshop.bad_option", "'not-a-doi'"),
        ("papers.md", 27, "workshop.bad_option", "'nonsense'"),
        ("papers.md", 33, "workshop.bad_url", "'ftp://example.org/paper.pdf'"),
        ("papers.md", 36, "workshop.duplicate_key", "'good'"),
        ("papers.md", 41, "workshop.paper_outside", "'stray'"),
        # people
        ("people.md", 11, "workshop.missing_name", "without a name"),
        ("people.md", 18, "workshop.bad_handle", "'@bad handle!'"),
        ("people.md", 22, "workshop.unknown_option", ":twiter:"),
        ("people.md", 27, "workshop.photo_outside", "'../elsewhere/photo.png'"),
        ("people.md", 31, "workshop.photo_missing", "'img/missing.png'"),
        ("people.md", 35, "workshop.bad_url", "'javascript:alert(1)'"),
        ("people.md", 40, "workshop.bad_url", "'ftp://example.org/me'"),
        ("people.md", 44, "workshop.bad_handle", ":github: '-bad-'"),
        ("people.md", 47, "workshop.bad_handle", ":scholar: 'short'"),
        ("people.md", 45, "workshop.bad_handle", ":mastodon: 'nobody'"),
        ("people.md", 46, "workshop.bad_handle", ":bluesky: 'not a domain'"),
        ("people.md", 56, "workshop.unknown_option", ":color:"),
        ("people.md", 59, "workshop.missing_name", "{person}"),
        ("people.md", 59, "workshop.person_unknown", "'Nobody Here'"),
        # schedule
        ("schedule.md", 7, "workshop.unknown_option", ":colour:"),
        ("schedule.md", 10, "workshop.bad_time", "'25:00'"),
        ("schedule.md", 11, "workshop.bad_time", "'9.30'"),
        ("schedule.md", 12, "workshop.schedule_line", "'Lunch without a time'"),
        ("schedule.md", 18, "workshop.bad_timezone", "'Mars/Olympus_Mons'"),
        ("schedule.md", 25, "workshop.bad_date", "'2020-13-45'"),
        ("schedule.md", 35, "workshop.bad_option", "'../escape.ics'"),
        # event
        ("schedule.md", 41, "workshop.bad_date", "'2020-12-12 nine'"),
        ("schedule.md", 43, "workshop.bad_timezone", "'Pacific/Nowhere'"),
        ("schedule.md", 44, "workshop.bad_url", "'javascript:alert(1)'"),
        ("schedule.md", 45, "workshop.bad_option", "'somewhere'"),
        ("schedule.md", 46, "workshop.unknown_option", ":venue:"),
    ]
)


def parsed_warnings(app) -> list[tuple[str, int, str, str]]:
    """(file relative to the project, line, type.subtype, message) of every warning; unlocated ones fail."""
    warnings = []
    for line in warning_lines(app, src=""):
        match = WARNING.match(line)
        assert match, f"a warning without file, line or type: {line!r}"
        warnings.append((match["file"], int(match["line"]), match["type"], match["message"]))
    return warnings


BAD = pytest.mark.sphinx("html", testroot="bad-input", freshenv=True)


@BAD
def test_exactly_the_expected_located_warnings(app) -> None:
    app.build()  # an exception escaping the extension fails here
    warnings = parsed_warnings(app)
    assert "Traceback" not in app.warning.getvalue() + app.status.getvalue()
    assert all(kind.removeprefix("workshop.") in SUBTYPES for _f, _l, kind, _m in warnings)
    found = sorted(warnings)
    missing = [w for w in EXPECTED if not any(f[:3] == w[:3] and w[3] in f[3] for f in found)]
    unexpected = [f for f in found if not any(f[:3] == w[:3] and w[3] in f[3] for w in EXPECTED)]
    assert not missing and not unexpected, f"missing: {missing}\nunexpected: {unexpected}"
    assert len(found) == len(EXPECTED), "a warning is emitted twice"


@BAD
def test_valid_papers_still_render(app) -> None:
    app.build()
    papers = soup(app, "papers.html")
    entry = {
        key: papers.select_one(f"[id='{paper_anchor(key)}']")
        for key in ("good", "fine", "survivor", "notitle", "badurl", "ftpurl")
    }
    assert all(entry.values()), [key for key, el in entry.items() if el is None]
    assert entry["good"].select_one("a[href='https://example.org/good.pdf']").get_text() == "A Good Paper"
    assert entry["fine"].select_one("a[href='https://example.org/fine.pdf']").get_text() == "A Fine Entry"
    assert "An Entry Before The Damage" in entry["survivor"].get_text()
    assert "notitle" in entry["notitle"].get_text()
    assert "A Paper With A Bad Link" in entry["badurl"].get_text()
    assert entry["badurl"].select("a[href^='javascript']") == []
    assert entry["ftpurl"].select("a[href^='ftp']") == []
    assert "The Same Key Again" not in papers.get_text()
    citations = papers.select(f"sup a[href='#{paper_anchor('good')}']")
    assert citations and all(a.get("title") == "A Good Paper" for a in citations)
    texts = [a.get_text() for a in papers.select(f"a[href='#{paper_anchor('fine')}']")]
    assert "Its text" in texts


@BAD
def test_valid_cards_still_render_and_nothing_is_unescaped(app) -> None:
    app.build()
    people = soup(app, "people.html")
    cards = {card.get("id"): card for card in people.select(".sw-person-card")}
    valid = cards[person_anchor("Valid Person")]
    assert valid.select_one("a[href='https://twitter.com/valid_person']")
    assert valid.select_one("a[href='https://example.org/valid']")
    photo = valid.select_one("img")
    assert photo and (app.outdir / photo["src"]).is_file()
    assert "Google Brain" in cards[person_anchor("Bad Handle")].get_text()
    assert cards[person_anchor("Bad Handle")].select("a[href*='twitter']") == []
    assert cards[person_anchor("Unknown Option")].select_one("a[href='https://twitter.com/fine_handle']")
    assert cards[person_anchor("Script Homepage")].select_one("a[href='https://twitter.com/ok_handle']")
    for name in ("Outside Photo", "Missing Photo", "Ftp Homepage", "Bad Profiles"):
        assert name in cards[person_anchor(name)].get_text()
    assert any("Nowhere" in card.get_text() for card in people.select(".sw-person-card"))
    assert people.select_one(f"a[href='#{person_anchor('Valid Person')}']")
    # What was written as markup in a name or an affiliation is shown as text.
    assert "<script>alert(1)</script>" in people.get_text()
    assert "<b>Bold</b> & Co" in people.get_text()
    for name in ("papers.html", "people.html", "schedule.html"):
        page = soup(app, name)
        assert page.select("a[href^='javascript'], a[href^='ftp'], b") == [], name
        assert all("alert" not in (s.string or "") for s in page.select("script:not([type])")), name


@BAD
def test_valid_schedule_items_still_render(app) -> None:
    app.build()
    schedule = soup(app, "schedule.html")
    text = schedule.get_text()
    for item in (
        "Opening remarks",
        "Too late",
        "Dotted time",
        "Lunch without a time",
        "Talk in an unknown zone",
        "Talk on a day that does not exist",
        "Talk with a calendar outside",
    ):
        assert item in text, item
    assert schedule.select_one("time[datetime='2020-12-12T09:00:00-08:00']")
    assert schedule.select_one("time[datetime='2020-12-12T13:00:00+00:00']")
    assert schedule.select_one("a[href='people.html#person-valid-person']")
    assert (app.outdir / "day.ics").is_file()
    assert not (app.outdir.parent / "escape.ics").exists()
    assert not (app.srcdir.parent / "escape.ics").exists()
    assert schedule.select_one("script[type='application/ld+json']") is not None

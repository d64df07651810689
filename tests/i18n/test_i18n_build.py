"""A project with ``language = "de"`` shows none of the extension's English strings, in text or attributes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from kit import parse, parse_file, warning_lines

import sphinx_workshop

LOCALE = Path(sphinx_workshop.__file__).parent / "locale"
#: Attributes whose values a reader hears or sees (``data-text-*`` feed schedule.js).
READ_ATTRIBUTES = ("aria-label", "title", "alt")


def _catalog(language: str) -> dict[str, str]:
    with (LOCALE / language / "LC_MESSAGES" / "sphinx_workshop.po").open("rb") as po:
        return {m.id: m.string for m in read_po(po) if m.id}


def _english_words(language: str) -> list[str]:
    """The words of each English message that its translation into *language* does not keep."""
    words = []
    for english, translated in _catalog(language).items():
        for piece in re.split(r"\{\w+\}", english):
            phrase = piece.strip(" ():,.")
            if re.search(r"[A-Za-z]", phrase) and phrase not in translated:
                words.append(phrase)
    return sorted(set(words))


def _reader_strings(html: str) -> list[str]:
    """The page's visible text and every attribute value a reader gets (or schedule.js shows)."""
    soup = parse(html)
    main = soup.select_one('div[role="main"]') or soup.body
    assert main is not None
    strings = [main.get_text(" ", strip=True)]
    for tag in main.find_all(True):
        for name, value in tag.attrs.items():
            if name in READ_ATTRIBUTES or name.startswith("data-text-"):
                strings.append(value if isinstance(value, str) else " ".join(value))
    return strings


def _found(strings: list[str], words: list[str]) -> list[str]:
    return [w for w in words if any(re.search(rf"\b{re.escape(w)}\b", s) for s in strings)]


@pytest.mark.sphinx("html", testroot="i18n-de", freshenv=True)
def test_german_page_has_no_english_string_of_ours(app) -> None:
    app.build()
    assert warning_lines(app) == []
    strings = _reader_strings((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    words = _english_words("de")
    assert "Back to the citation" in words and "your time zone" in words
    assert _found(strings, words) == []
    text = strings[0]
    # Babel's CLDR long date, in German; the catalog's strings around it.
    assert "Samstag, 12. Dezember 2020, Uhrzeiten in America/Los_Angeles (PST, UTC-08:00)" in text
    assert "Kraska u. a. 2018" in text
    assert "Den Zeitplan zum Kalender hinzufügen (programm.ics)" in text
    soup = parse_file(Path(app.outdir) / "index.html")
    box = soup.select_one("div.sw-schedule")
    assert box["data-text-here"] == "Ihre Zeit ({zone})"
    assert soup.select_one("img.sw-person-photo")["alt"] == "Foto von Anna Goldie"
    assert [th.get_text(strip=True) for th in soup.select("table.sw-schedule-table th")] == [
        "Uhrzeit",
        "Programmpunkt",
    ]


@pytest.mark.sphinx("html", testroot="i18n-de", freshenv=True, confoverrides={"language": "en"})
def test_same_project_in_english_shows_the_english_strings(app) -> None:
    # The detector of the German test finds the English strings where they are: it can fail.
    app.build()
    strings = _reader_strings((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    found = _found(strings, _english_words("de"))
    for word in ("Back to the citation", "Time", "Session", "Homepage of", "Photo of", "et al"):
        assert word in found
    assert "Saturday, December 12, 2020, times in America/Los_Angeles" in strings[0]


@pytest.mark.sphinx("text", testroot="i18n-de", freshenv=True, confoverrides={"language": "fr"})
def test_french_text_build(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "samedi 12 décembre 2020, heures du fuseau America/Los_Angeles" in text
    assert "Kraska et al. 2018" in text
    assert "Twitter : https://twitter.com/annadgoldie" in text


@pytest.mark.sphinx("html", testroot="i18n-de", freshenv=True, confoverrides={"language": "zh_CN"})
def test_simplified_chinese(app) -> None:
    app.build()
    soup = parse_file(Path(app.outdir) / "index.html")
    assert "2020年12月12日星期六" in soup.select_one("p.sw-schedule-zone").get_text()
    assert soup.select_one("a.sw-person-homepage")["aria-label"] == "Anna Goldie的主页"

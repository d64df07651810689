"""``{paper}`` and ``{person}`` take the forms of Sphinx's cross-reference roles, in MyST and rST."""

from __future__ import annotations

import pytest
from kit import parse_file, warning_lines


@pytest.fixture(scope="module")
def app(build_once):
    app = build_once("xref-forms")
    assert warning_lines(app) == []
    return app


def _paragraphs(app, page: str) -> list:
    soup = parse_file(app.outdir / f"{page}.html")
    return soup.select("[role=main] p")


def _links(paragraph) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in paragraph.find_all("a")]


def test_myst_forms(app) -> None:
    linked, unlinked = _paragraphs(app, "index")[:2]
    card, entry = "#person-ada-lovelace", "#paper-engine"
    title = "Notes on the Analytical Engine"
    assert _links(linked) == [
        ("Ada Lovelace", card),
        ("the countess", card),
        (title, entry),
        ("the engine", entry),
        (title, entry),
        ("Ada Lovelace", card),
    ]
    assert _links(unlinked) == []
    assert " ".join(unlinked.get_text().split()) == "Not linked: Ada Lovelace and engine."


def test_restructuredtext_forms(app) -> None:
    [paragraph] = _paragraphs(app, "rst")
    links = _links(paragraph)
    assert links == [
        ("Ada Lovelace", "index.html#person-ada-lovelace"),
        ("the countess", "index.html#person-ada-lovelace"),
        ("Notes on the Analytical Engine", "index.html#paper-engine"),
        ("the engine", "index.html#paper-engine"),
    ]
    assert paragraph.get_text().endswith("not linked: Ada Lovelace, engine.")

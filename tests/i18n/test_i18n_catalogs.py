"""The shipped catalogs: the template covers every ``_()`` string of ext/, each language translates all
of it, and each compiled ``.mo`` says exactly what its ``.po`` says (``make catalogs`` rebuilds them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import sphinx_workshop

PACKAGE = Path(sphinx_workshop.__file__).parent
LOCALE = PACKAGE / "locale"
LANGUAGES = ("de", "fr", "zh_CN")


def _ids(catalog) -> set[str]:
    return {message.id for message in catalog if message.id}


def test_template_covers_every_translatable_string() -> None:
    extracted = {message for _f, _l, message, _c, _x in extract_from_dir(PACKAGE, keywords={"_": None})}
    assert "Back to the citation" in extracted
    with (LOCALE / "sphinx_workshop.pot").open("rb") as pot:
        assert _ids(read_po(pot)) == extracted


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete_and_compiled(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (LOCALE / "sphinx_workshop.pot").open("rb") as pot:
        template = _ids(read_po(pot))
    with (folder / "sphinx_workshop.po").open("rb") as po:
        catalog = read_po(po)
    assert _ids(catalog) == template
    assert [m.id for m in catalog if m.id and (not m.string or m.fuzzy)] == []
    # Placeholders survive translation, so str.format never raises in that language.
    for message in catalog:
        for placeholder in ("{date}", "{file}", "{zone}", "{name}", "{person}", "{platform}"):
            assert (placeholder in message.id) == (placeholder in message.string), message.id
    with (folder / "sphinx_workshop.mo").open("rb") as mo:
        compiled = read_mo(mo)
    assert {m.id: m.string for m in compiled if m.id} == {m.id: m.string for m in catalog if m.id}
    # The same header too (its Language and Plural-Forms drive gettext).
    assert compiled.locale == catalog.locale and compiled.plural_forms == catalog.plural_forms

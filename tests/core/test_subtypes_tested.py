"""Every registered warning subtype (``diagnostics.SUBTYPES``, the docs' warnings reference) is expected,
in full, by at least one test.

A test expects a warning either as the line Sphinx prints (``file:line: WARNING: ... [workshop.x]``,
in a test module or in a hostile project's ``warnings*.txt``) or as a ``(file, line, "workshop.x",
...)`` tuple (``tests/quality/test_quality_bad_input.py``). A subtype that no test expects is a kind
of bad input nothing proves is reported: this test then fails, naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_workshop.diagnostics import SUBTYPES

TESTS = Path(__file__).resolve().parents[1]
#: ``[workshop.x]`` as Sphinx appends it, or ``<line>, "workshop.x"`` in a tuple after a line number.
EXPECTATION = re.compile(r"\[workshop\.(?P<printed>[a-z_]+)\]|\d+,\s*\"workshop\.(?P<tuple>[a-z_]+)\"")


def expected_subtypes() -> dict[str, set[str]]:
    """subtype -> the test files that expect a warning of it."""
    files = [p for p in TESTS.rglob("*.py") if p.resolve() != Path(__file__).resolve()]
    files += sorted((TESTS / "roots").rglob("warnings*.txt"))
    found: dict[str, set[str]] = {}
    for path in files:
        for match in EXPECTATION.finditer(path.read_text(encoding="utf-8")):
            subtype = match["printed"] or match["tuple"]
            found.setdefault(subtype, set()).add(str(path.relative_to(TESTS)))
    return found


def test_every_subtype_is_expected_by_a_test() -> None:
    found = expected_subtypes()
    assert sorted(set(SUBTYPES) - set(found)) == []


def test_no_test_expects_an_unregistered_subtype() -> None:
    assert sorted(set(expected_subtypes()) - set(SUBTYPES)) == []

"""Two clean builds of the site, in two folders, with SOURCE_DATE_EPOCH set, are byte-identical.

Each build runs in its own Python process with its own hash seed (set and dict-of-set orders differ)
and its own local time zone, so output that depends on either shows up as a difference.

Sphinx's doctree cache (``.doctrees/``, pickles that hold absolute paths) is not part of the published
output and is left out; every other file, the pages, static files, ``objects.inv``, ``searchindex.js``,
``sitemap.xml`` and the calendar file included, is compared byte for byte.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from sitebuild import build_site

pytestmark = [pytest.mark.slow]

#: 2020-12-12T17:00:00Z, the workshop's day: any "now" the build writes is this instant.
EPOCH = "1607792400"


def files(outdir: Path) -> set[str]:
    """Every file of the output, relative to it, the doctree cache left out."""
    return {
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*")
        if p.is_file() and p.relative_to(outdir).parts[0] != ".doctrees"
    }


def test_two_clean_builds_are_byte_identical(tmp_path) -> None:
    first = build_site("html", tmp_path / "first" / "html", env={"SOURCE_DATE_EPOCH": EPOCH})
    second = build_site("html", tmp_path / "second-build" / "out", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert first.status == second.status == 0, first.warnings + second.warnings
    names = files(first.outdir)
    assert names == files(second.outdir)
    assert {"index.html", "objects.inv", "searchindex.js"} <= names
    differ = [
        name
        for name in sorted(names)
        if not filecmp.cmp(first.outdir / name, second.outdir / name, shallow=False)
    ]
    assert not differ, f"files that differ between two builds: {differ}"

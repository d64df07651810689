"""Under ``-j 2`` a key or a person defined twice is reported once, exactly as under ``-j 1``."""

from __future__ import annotations

import re
from pathlib import Path

from kit import warning_lines
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-parallel-duplicates"


def _build(tmp_path: Path, parallel: int) -> tuple[list[str], str]:
    app = SphinxTestApp(
        "html", srcdir=ROOT, builddir=tmp_path / f"j{parallel}", freshenv=True, parallel=parallel
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return warning_lines(app, src=""), strip_escape_sequences(app.status.getvalue())


def test_duplicates_are_reported_once_in_parallel(tmp_path: Path) -> None:
    serial, _ = _build(tmp_path, 1)
    parallel, status = _build(tmp_path, 2)
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+", status)  # read in parallel chunks
    assert serial == [
        "p5.md:5: WARNING: duplicate paper key 'dup' (first listed at p2.md:5); this entry is ignored "
        "[workshop.duplicate_key]",
        "p6.md:3: WARNING: duplicate card for 'Same Person' (id 'person-same-person', first at p3.md:3); "
        "links go to the first [workshop.duplicate_person]",
    ]
    assert parallel == serial

"""Helpers of the people tests: warnings, parsed pages, whole output folders, objects.inv."""

from __future__ import annotations

import zlib
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

PROJECT = Path(__file__).resolve().parents[2]
ROOTS = PROJECT / "tests" / "roots"


def warnings_of(app) -> list[str]:
    """The warning lines of a build, with the source directory made relative."""
    text = strip_escape_sequences(app.warning.getvalue()).replace(f"{app.srcdir}/", "")
    return [line for line in text.splitlines() if line.strip()]


def soup_of(app, page: str) -> BeautifulSoup:
    """A written HTML page, parsed."""
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def pages(outdir: Path, suffix: str = ".html") -> dict[str, str]:
    """Every written file with *suffix*, by path relative to *outdir*."""
    return {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob(f"*{suffix}"))
    }


def inventory(outdir: Path) -> list[tuple[str, str, str]]:
    """``(name, domain:role, uri)`` of each line of ``objects.inv``."""
    raw = (outdir / "objects.inv").read_bytes()
    header_end = 0
    for _ in range(4):
        header_end = raw.index(b"\n", header_end) + 1
    entries = []
    for line in zlib.decompress(raw[header_end:]).decode().splitlines():
        # "name domain:role priority uri dispname"; names may hold spaces
        head, role, _priority, uri, _display = line.rsplit(" ", 4)
        entries.append((head, role, uri))
    return entries

"""Build a hostile test project with every builder, the way a user runs Sphinx, and check the outputs.

Each build is ``sphinx-build`` (:func:`sphinx.cmd.build.build_main`, in process) into a fresh folder,
so its status and its stderr are those a user sees: the status must be 0 (warnings only) or 1, and
"Exception occurred" must never appear. Every output is then parsed: each HTML page with
BeautifulSoup and its JSON-LD with :mod:`json`, each ``.ics`` with ``icalendar``, each XHTML file of
the EPUB with an XML parser; no output holds a control character.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import icalendar
from bs4 import BeautifulSoup
from kit import parse, parse_file
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).resolve().parent / "roots"
BUILDERS = ("html", "dirhtml", "singlehtml", "latex", "epub", "text")
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
#: Characters no output may hold (tab, line feed and carriage return aside), as text.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WARNING = re.compile(r"^(?P<where>\S.*?:\d+): (?:WARNING|ERROR|CRITICAL): ")


@dataclass
class Build:
    """The outcome of one ``sphinx-build`` of a project."""

    builder: str
    srcdir: Path
    outdir: Path
    status: int
    stderr: str
    warnings: list[str] = field(default_factory=list)

    def soup(self, page: str) -> BeautifulSoup:
        """The parsed HTML of an output file (relative to the output folder)."""
        return parse_file(self.outdir / page)

    def workshop_warnings(self) -> list[str]:
        """The extension's warnings, sorted."""
        return sorted(line for line in self.warnings if "[workshop." in line)


#: The conf.py every hostile project is built with (``-c``).
CONFDIR = ROOTS / "hostile-conf"
#: What a hostile project sets beyond the shared conf.py (``-D name=value``; ``{srcdir}`` is its folder).
OVERRIDES: dict[str, dict[str, str]] = {
    "hostile-options": {"html_baseurl": "https://example.org/"},
    "hostile-outputs": {"html_extra_path": "{srcdir}/extra"},
}


def build(
    srcdir: Path,
    outdir: Path,
    builder: str,
    *options: str,
    env: dict[str, str] | None = None,
    doctrees: Path | None = None,
    root: str = "",
) -> Build:
    """``sphinx-build -b builder -c <CONFDIR> srcdir outdir`` with the project's :data:`OVERRIDES` (*root*:
    the project's name, by default its folder's without ``test-``); warnings with ``srcdir/`` removed from
    their location."""
    warnfile = outdir.parent / f"{outdir.name}-warnings.txt"
    doctrees = doctrees or outdir.parent / f"{outdir.name}-doctrees"
    root = root or srcdir.name.removeprefix("test-")
    defines = [f"-D{name}={value.format(srcdir=srcdir)}" for name, value in OVERRIDES.get(root, {}).items()]
    args = ["-b", builder, "-q", "-N", "-c", str(CONFDIR), *defines, "-w", str(warnfile), "-d", str(doctrees)]
    args += options
    stderr = io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(stderr):
            status = build_main([*args, str(srcdir), str(outdir)])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    text = strip_escape_sequences(warnfile.read_text(encoding="utf-8")) if warnfile.exists() else ""
    lines = [line.replace(f"{srcdir}/", "") for line in text.splitlines() if line.strip()]
    # A warning's message may go on over several lines (docutils quotes the source): keep the first.
    warnings = [line for line in lines if _WARNING.match(line) or "WARNING" in line]
    return Build(builder, srcdir, outdir, status, stderr.getvalue(), warnings)


def check_outputs(result: Build) -> None:
    """The build ended normally and every output it wrote parses (see the module docstring)."""
    assert result.status in (0, 1), result.stderr
    assert "Exception occurred" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    outdir = result.outdir
    if result.builder in HTML_BUILDERS:
        for page in outdir.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert not CONTROL.search(text), f"control character in {page}"
            soup = parse(text)
            for image in soup.find_all("img", src=True):  # no broken image
                if "://" not in image["src"] and not image["src"].startswith("data:"):
                    assert (page.parent / image["src"].split("#")[0]).is_file(), (page, image["src"])
            for script in soup.find_all("script", type="application/ld+json"):
                json.loads(script.string or "")
        for calendar in outdir.rglob("*.ics"):
            if calendar.is_file():
                icalendar.Calendar.from_ical(calendar.read_bytes())
    elif result.builder == "epub":
        [epub] = outdir.glob("*.epub")
        with zipfile.ZipFile(epub) as archive:
            for name in archive.namelist():
                if name.endswith((".xhtml", ".opf", ".ncx")):
                    data = archive.read(name)
                    ElementTree.fromstring(data)  # raises on any byte XML does not allow
                    assert not CONTROL.search(data.decode("utf-8")), name
    elif result.builder == "latex":
        [tex, *_] = sorted(outdir.glob("*.tex"))
        assert not CONTROL.search(tex.read_text(encoding="utf-8")), tex
    elif result.builder == "text":
        for page in outdir.rglob("*.txt"):
            assert not CONTROL.search(page.read_text(encoding="utf-8")), page


def build_every_way(root: str, tmp: Path, *, parallel: bool = False) -> dict[str, Build]:
    """The project ``tests/roots/test-<root>`` built with every builder (and html with ``-j 2``)."""
    srcdir = ROOTS / f"test-{root}"
    results = {}
    for builder in BUILDERS:
        result = build(srcdir, tmp / builder, builder)
        check_outputs(result)
        results[builder] = result
    if parallel:
        result = build(srcdir, tmp / "html-j2", "html", "-j", "2")
        check_outputs(result)
        results["html-j2"] = result
        assert_same_output(results["html"], result)
    return results


def assert_same_output(serial: Build, parallel: Build) -> None:
    """``-j 2`` wrote what ``-j 1`` wrote: the same calendars, byte for byte, and the same page bodies."""

    def outputs(result: Build) -> set[Path]:
        files = result.outdir.rglob("*")
        return {p.relative_to(result.outdir) for p in files if p.is_file() and p.suffix in {".ics", ".html"}}

    names = outputs(serial)
    assert names == outputs(parallel)
    for name in sorted(names):
        if name.suffix == ".ics":
            assert (serial.outdir / name).read_bytes() == (parallel.outdir / name).read_bytes(), name
        elif not name.parts[0].startswith("_") and name.name not in {"genindex.html", "search.html"}:
            one, two = (str(r.soup(str(name)).select_one("div.body")) for r in (serial, parallel))
            assert one == two, name


def expected_warnings(root: str, builder: str) -> list[str]:
    """The warnings a build of ``test-<root>`` must give, in full: ``warnings.txt`` of the project, and
    ``warnings-<builder>.txt`` for those of one builder only (calendar files: HTML builders)."""
    folder = ROOTS / f"test-{root}"
    builder = builder.split("-")[0]  # html-j2 warns as html
    lines: list[str] = []
    for name in ("warnings.txt", f"warnings-{builder}.txt"):
        path = folder / name
        if path.exists():
            lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(lines)


def assert_warnings(results: dict[str, Build], root: str) -> None:
    """Every build gave exactly the expected warnings (each at its file and line, with its subtype)."""
    for name, result in results.items():
        assert sorted(result.warnings) == expected_warnings(root, name), name

"""Build the real site the way the Makefile does (``-c .``), in process, and collect its warnings."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from sphinx.cmd.build import build_main

PROJECT = Path(__file__).resolve().parents[1]
SOURCE = PROJECT / "source"


@dataclass(frozen=True)
class SiteBuild:
    """The outcome of one build of the site."""

    builder: str
    outdir: Path
    status: int
    warnings: str

    def page(self, name: str) -> str:
        """The text of an output file, relative to the output folder."""
        return (self.outdir / name).read_text(encoding="utf-8")


def build_site(builder: str, outdir: Path, *options: str, env: dict[str, str] | None = None) -> SiteBuild:
    """Build the whole site with *builder* into *outdir*; warnings are collected, not raised."""
    warnfile = outdir.parent / f"{outdir.name}-warnings.txt"
    doctrees = outdir.parent / f"{outdir.name}-doctrees"
    args = ["-c", str(PROJECT), "-b", builder, "-E", "-a", "-q", "-w", str(warnfile), "-d", str(doctrees)]
    args += list(options)
    args += [str(SOURCE), str(outdir)]
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            status = build_main(args)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    warnings = warnfile.read_text(encoding="utf-8") if warnfile.exists() else ""
    return SiteBuild(builder, outdir, status, warnings)

"""Run one Sphinx build in a subprocess and measure its wall time, CPU time and peak memory."""

from __future__ import annotations

import compileall
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.generate import Project

if TYPE_CHECKING:
    from bench.accepted import AcceptedProject

CHILD = Path(__file__).with_name("_child.py")
#: Pages the html builder writes in every build, whatever changed (not counted as written pages).
EVERY_BUILD = frozenset({"genindex.html", "search.html", "py-modindex.html"})


def compile_extension() -> None:
    """Byte-compile sphinx-workshop, as pip does when it installs the wheel.

    The project is installed in editable mode, and with ``PYTHONDONTWRITEBYTECODE`` set (as on the
    development machine) Python would compile the extension from source in every build (about 0.09 s a
    process), while Sphinx and the other installed packages load their bytecode.
    """
    import sphinx_workshop

    compileall.compile_dir(Path(sphinx_workshop.__file__).parent, quiet=1)


class BuildFailed(RuntimeError):
    """A build exited with an error (its output is in the message)."""


@dataclass(frozen=True)
class Sample:
    """What one build cost."""

    wall_s: float
    cpu_s: float
    rss_mb: float
    children_rss_mb: float
    warnings: int
    first_warnings: tuple[str, ...] = ()
    #: The HTML pages the build wrote (created or modified), apart from :data:`EVERY_BUILD`.
    written: int = 0
    #: The first ten of them, sorted.
    written_pages: tuple[str, ...] = ()

    @property
    def peak_mb(self) -> float:
        """Peak resident memory of the build: the main process, or a ``-j`` worker if larger."""
        return max(self.rss_mb, self.children_rss_mb)


def html_pages(outdir: Path) -> dict[str, int]:
    """The HTML pages under *outdir* (relative, with ``/``) and their modification times."""
    if not outdir.is_dir():
        return {}
    found = {}
    for path in outdir.rglob("*.html"):
        name = path.relative_to(outdir).as_posix()
        if name not in EVERY_BUILD and not name.startswith(("_static/", "_sources/", ".doctrees/")):
            found[name] = path.stat().st_mtime_ns
    return found


def build(
    project: Project | AcceptedProject,
    *,
    out: str = "html",
    jobs: int = 1,
    fresh: bool = False,
    profile_to: Path | None = None,
    confdir: Path | None = None,
) -> Sample:
    """Build *project* with the html builder into ``out``; *fresh* removes the output first; *confdir*:
    the folder of another ``conf.py`` than the source folder's."""
    outdir = project.outdir(out)
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    warnfile = project.root / f"{out}-warnings.txt"
    result_file = project.root / f"{out}-result.json"
    for stale in (warnfile, result_file):
        stale.unlink(missing_ok=True)
    own = [str(result_file)]
    if profile_to is not None:
        own += ["--profile", str(profile_to)]
    sphinx_args = ["-b", "html", "-q", "-w", str(warnfile), "-j", str(jobs), str(project.srcdir), str(outdir)]
    if confdir is not None:
        sphinx_args[:0] = ["-c", str(confdir)]
    command = [sys.executable, str(CHILD), *own, "--", *sphinx_args]
    before = html_pages(outdir)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = html_pages(outdir)
    written = sorted(name for name, mtime in after.items() if before.get(name) != mtime)
    if proc.returncode != 0 or not result_file.exists():
        raise BuildFailed(f"{project.variant}: sphinx exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    if result["status"] != 0:
        raise BuildFailed(f"{project.variant}: sphinx status {result['status']}\n{proc.stderr}")
    text = warnfile.read_text(encoding="utf-8") if warnfile.exists() else ""
    problems = [line for line in text.splitlines() if "WARNING:" in line or "ERROR:" in line]
    return Sample(
        wall_s=wall,
        cpu_s=result["cpu_s"],
        rss_mb=result["rss_kb"] / 1024,
        children_rss_mb=result["children_rss_kb"] / 1024,
        warnings=len(problems),
        first_warnings=tuple(problems[:3]),
        written=len(written),
        written_pages=tuple(written[:10]),
    )

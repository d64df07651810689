"""``--profile``: one build under cProfile, and where its time goes (functions and packages)."""

from __future__ import annotations

import io
import pstats
import re
from collections import defaultdict
from pathlib import Path

from bench.generate import VARIANT_NAMES, Size
from bench.scenarios import SCENARIOS, log, prepare, run_scenario

_PACKAGE = re.compile(r"(?:site-packages|dist-packages|ext)/([A-Za-z0-9_]+)")


def package_of(filename: str, function: str) -> str:
    """The top-level package a profiled function belongs to (``C`` for built-ins)."""
    if filename == "~":
        return (
            "C built-ins (" + (function.split(" of ")[0].strip("<>").split()[-1] if function else "?") + ")"
        )
    match = _PACKAGE.search(filename)
    if match:
        return match.group(1)
    return "stdlib" if "/lib/python" in filename else Path(filename).name


def by_package(stats: pstats.Stats, limit: int = 12) -> list[tuple[str, float]]:
    """Self time summed per package, largest first."""
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        totals[package_of(filename, function)] += row[2]
    return sorted(totals.items(), key=lambda item: -item[1])[:limit]


def profile(size: Size, variant: str, scenario_name: str, workdir: Path, seed: int, top: int = 30) -> str:
    """Build *variant* at *size* once for *scenario_name* under cProfile; return the report."""
    projects = prepare(size, [variant], workdir, seed)
    project = projects[variant]
    scenario = SCENARIOS[scenario_name]
    if not scenario.full:
        log(f"warm-up build of {VARIANT_NAMES[variant]} ({size.name})")
        run_scenario(project, SCENARIOS["full"], 0)
    prof = project.root / f"{scenario_name}.prof"
    log(f"profiling {scenario_name} of {VARIANT_NAMES[variant]} ({size.name}) -> {prof}")
    sample = run_scenario(project, scenario, 1, profile_to=prof)
    stats = pstats.Stats(str(prof))
    total = stats.total_tt  # type: ignore[attr-defined]
    out = io.StringIO()
    out.write(
        f"{VARIANT_NAMES[variant]}, {scenario.label}, size {size.name}: {sample.wall_s:.2f} s wall under "
        f"cProfile, {total:.2f} s profiled, peak {sample.peak_mb:.0f} MB\n\n"
        "Self time per package:\n"
    )
    for package, seconds in by_package(stats):
        out.write(f"  {seconds:8.2f} s  {100 * seconds / total:5.1f} %  {package}\n")
    mine = sorted(
        (
            (row[3], row[2], f"{f.rpartition('sphinx_workshop/')[2]}:{line}({fn})")
            for (f, line, fn), row in stats.stats.items()  # type: ignore[attr-defined]
            if "sphinx_workshop/" in f
        ),
        reverse=True,
    )[:20]
    stats.strip_dirs()
    out.write(f"\nTop {top} functions by cumulative time:\n")
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(top)
    out.write(f"\nTop {top // 2} functions by self time:\n")
    stats.sort_stats("tottime").print_stats(top // 2)
    if mine:
        out.write("\nsphinx_workshop functions by cumulative time (cumulative, self):\n")
        for seconds, own, where in mine:
            out.write(f"  {seconds:8.3f} s {own:8.3f} s  {where}\n")
    return out.getvalue()

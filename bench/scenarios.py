"""The five build scenarios, and the loop that runs them interleaved across variants."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.generate import VARIANT_NAMES, Project, Size, make_content
from bench.measure import Sample, build


@dataclass(frozen=True)
class Scenario:
    """One kind of build: what is edited first (nothing for a full build) and how Sphinx runs."""

    name: str
    label: str
    edit: Callable[[Project, int], None] | None
    jobs: int = 1

    @property
    def full(self) -> bool:
        """A build from an empty output folder."""
        return self.edit is None


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("full", "full build", None),
        Scenario("edit-page", "edit one page's text", Project.edit_page_text),
        Scenario("add-cite", "add one citation", Project.add_citation),
        Scenario("edit-bib", "edit the BibTeX file", Project.edit_papers),
        Scenario("full-j2", "full build, -j 2", None, jobs=2),
    )
}

#: results[variant][scenario] = one Sample per run.
Results = dict[str, dict[str, list[Sample]]]


def log(message: str) -> None:
    """Progress, on stderr (stdout is for the report)."""
    print(message, file=sys.stderr, flush=True)


def prepare(size: Size, variants: list[str], workdir: Path, seed: int) -> dict[str, Project]:
    """Write one project per variant under *workdir*."""
    content = make_content(size, seed)
    projects = {v: Project(v, content, workdir / size.name / v) for v in variants}
    for project in projects.values():
        project.write()
    return projects


def run_scenario(project: Project, scenario: Scenario, run: int, profile_to: Path | None = None) -> Sample:
    """Make the scenario's edit, then build (a full build starts from an empty output folder)."""
    if scenario.edit is not None:
        scenario.edit(project, run)
    out = "html" if scenario.jobs == 1 else f"html-j{scenario.jobs}"
    return build(project, out=out, jobs=scenario.jobs, fresh=scenario.full, profile_to=profile_to)


def run_size(
    size: Size, variants: list[str], scenarios: list[str], runs: int, workdir: Path, seed: int
) -> Results:
    """Run every scenario *runs* times, interleaving the variants (v1, v2, v3, v1, v2, v3, ...).

    Each run starts again from the baseline sources and a fresh single-process build (timed if
    ``full`` is selected, untimed otherwise), then makes the incremental edits in order, then
    the ``-j 2`` build into a separate output folder.
    """
    projects = prepare(size, variants, workdir, seed)
    results: Results = {v: {s: [] for s in scenarios} for v in variants}
    incremental = [s for s in scenarios if not SCENARIOS[s].full]
    order = [s for s in SCENARIOS if s in scenarios]
    if incremental and "full" not in scenarios:
        order.insert(0, "warm-up")
    for run in range(runs):
        for project in projects.values():
            project.write()
        for name in order:
            for variant, project in projects.items():
                scenario = SCENARIOS.get(name, SCENARIOS["full"])
                sample = run_scenario(project, scenario, run + 1)
                if name != "warm-up":
                    results[variant][name].append(sample)
                log(
                    f"[{size.name} run {run + 1}/{runs}] {name:<9} {VARIANT_NAMES[variant]:<20} "
                    f"{sample.wall_s:7.2f} s {sample.peak_mb:7.1f} MB"
                    + (
                        f"  {sample.warnings} warning(s): {sample.first_warnings[0]}"
                        if sample.warnings
                        else ""
                    )
                )
    return results

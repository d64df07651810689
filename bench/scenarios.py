"""The build scenarios (five of citations, three of accepted papers), and the loop that runs them
interleaved across variants."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.accepted import AcceptedProject
from bench.generate import VARIANT_NAMES, Project, Size, make_content
from bench.measure import Sample, build


@dataclass(frozen=True)
class Scenario:
    """One kind of build: what is edited first (nothing for a full build) and how Sphinx runs."""

    name: str
    label: str
    edit: Callable[[Any, int], None] | None
    jobs: int = 1
    #: The suites of sizes it runs in (see :class:`bench.generate.Size`).
    suites: tuple[str, ...] = ("citations",)
    #: The variants it runs for (None: all).
    variants: tuple[str, ...] | None = None
    #: Built into its own output folder with the sphinx-book-theme ``conf.py`` (accepted papers).
    book: bool = False

    @property
    def full(self) -> bool:
        """A build from an empty output folder."""
        return self.edit is None


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("full", "full build", None, suites=("citations", "accepted")),
        Scenario("edit-page", "edit one page's text", Project.edit_page_text),
        Scenario("add-cite", "add one citation", Project.add_citation),
        Scenario("edit-bib", "edit the BibTeX file", Project.edit_papers),
        Scenario("full-j2", "full build, -j 2", None, jobs=2),
        Scenario(
            "edit-row",
            "edit one paper (its row; plain Sphinx: its page)",
            AcceptedProject.edit_row,
            suites=("accepted",),
        ),
        Scenario(
            "full-book",
            "full build, sphinx-book-theme",
            None,
            suites=("accepted",),
            variants=("ext",),
            book=True,
        ),
    )
}

#: A project of either suite.
AnyProject = Project | AcceptedProject

#: results[variant][scenario] = one Sample per run.
Results = dict[str, dict[str, list[Sample]]]


def log(message: str) -> None:
    """Progress, on stderr (stdout is for the report)."""
    print(message, file=sys.stderr, flush=True)


def suite_variants(size: Size, variants: list[str]) -> list[str]:
    """The variants of *variants* that *size*'s suite has (accepted papers: sphinx-workshop, plain)."""
    return [v for v in variants if size.suite == "citations" or v in ("ext", "plain")]


def prepare(size: Size, variants: list[str], workdir: Path, seed: int) -> dict[str, AnyProject]:
    """Write one project per variant (of those *size*'s suite has) under *workdir*."""
    projects: dict[str, AnyProject]
    if size.suite == "accepted":
        chosen = suite_variants(size, variants)
        projects = {v: AcceptedProject(v, size, workdir / size.name / v, seed) for v in chosen}
    else:
        content = make_content(size, seed)
        projects = {v: Project(v, content, workdir / size.name / v) for v in variants}
    for project in projects.values():
        project.write()
    return projects


def run_scenario(project: AnyProject, scenario: Scenario, run: int, profile_to: Path | None = None) -> Sample:
    """Make the scenario's edit, then build (a full build starts from an empty output folder)."""
    if scenario.edit is not None:
        scenario.edit(project, run)
    out = "html" if scenario.jobs == 1 else f"html-j{scenario.jobs}"
    confdir = None
    if scenario.book and isinstance(project, AcceptedProject):
        out, confdir = "html-book", project.book_confdir
    return build(
        project, out=out, jobs=scenario.jobs, fresh=scenario.full, profile_to=profile_to, confdir=confdir
    )


def applies(scenario: Scenario, size: Size, variant: str) -> bool:
    """Whether *scenario* runs for *variant* at *size*."""
    return size.suite in scenario.suites and (scenario.variants is None or variant in scenario.variants)


def run_size(
    size: Size, variants: list[str], scenarios: list[str], runs: int, workdir: Path, seed: int
) -> Results:
    """Run every scenario *runs* times, interleaving the variants (v1, v2, v3, v1, v2, v3, ...).

    Each run starts again from the baseline sources and a fresh single-process build (timed if
    ``full`` is selected, untimed otherwise), then makes the incremental edits in order, then
    the ``-j 2`` build into a separate output folder.
    """
    projects = prepare(size, variants, workdir, seed)
    results: Results = {v: {s: [] for s in scenarios if applies(SCENARIOS[s], size, v)} for v in projects}
    incremental = [s for s in scenarios if not SCENARIOS[s].full and size.suite in SCENARIOS[s].suites]
    order = [s for s in SCENARIOS if s in scenarios and size.suite in SCENARIOS[s].suites]
    if incremental and "full" not in scenarios:
        order.insert(0, "warm-up")
    for run in range(runs):
        for project in projects.values():
            project.write()
        for name in order:
            for variant, project in projects.items():
                scenario = SCENARIOS.get(name, SCENARIOS["full"])
                if name != "warm-up" and not applies(scenario, size, variant):
                    continue
                sample = run_scenario(project, scenario, run + 1)
                if name != "warm-up":
                    results[variant][name].append(sample)
                log(
                    f"[{size.name} run {run + 1}/{runs}] {name:<9} {VARIANT_NAMES[variant]:<20} "
                    f"{sample.wall_s:7.2f} s {sample.peak_mb:7.1f} MB"
                    + (f"  {sample.written} page(s) written" if not scenario.full else "")
                    + (
                        f"  {sample.warnings} warning(s): {sample.first_warnings[0]}"
                        if sample.warnings
                        else ""
                    )
                )
    return results

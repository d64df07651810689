"""Summaries of the samples: the table, the ratios between variants, and the issue's targets."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from bench.generate import SIZES, VARIANT_NAMES, VARIANTS
from bench.scenarios import SCENARIOS
from sphinx_workshop.assets import PAGE_ASSETS  # added only to the pages that need them: stated apart
from sphinx_workshop.assets import STATIC_ROOT as STATIC_DIR

ASSET_BUDGET = 5 * 1024

#: data["sizes"][size]["results"][variant][scenario] = {"median_s", "peak_mb", ...}; see summarise().
Data = dict[str, Any]


def summarise(samples: list[Any]) -> dict[str, Any]:
    """Median wall and CPU time, and peak memory, of one scenario's samples (dicts or Samples)."""
    rows = [s if isinstance(s, dict) else s.__dict__ for s in samples]
    return {
        "median_s": statistics.median(r["wall_s"] for r in rows),
        "median_cpu_s": statistics.median(r["cpu_s"] for r in rows),
        "peak_mb": max(max(r["rss_mb"], r["children_rss_mb"]) for r in rows),
        "warnings": max(r["warnings"] for r in rows),
        "written": max(r.get("written", 0) for r in rows),
        "written_pages": list(rows[-1].get("written_pages", ())),
        "runs": len(rows),
        "samples": [
            {k: r[k] for k in ("wall_s", "cpu_s", "rss_mb", "children_rss_mb", "warnings", "written")}
            for r in rows
        ],
    }


def _cell(summary: dict[str, Any] | None) -> str:
    if summary is None:
        return "—"
    return f"{summary['median_s']:.2f} s · {summary['peak_mb']:.0f} MB"


def _ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
    if a is None or b is None:
        return "—"
    return f"{a['median_s'] / b['median_s']:.2f}x · {a['peak_mb'] / b['peak_mb']:.2f}x"


def table(size_data: dict[str, Any]) -> str:
    """A Markdown table of one size: median wall time · peak memory, and sphinx-workshop's ratios."""
    results = size_data["results"]
    variants = [v for v in VARIANTS if v in results]
    header = ["Scenario", *(VARIANT_NAMES[v] for v in variants)]
    has_ratios = "ext" in results and len(variants) > 1
    if has_ratios:
        header += [f"÷ {VARIANT_NAMES[v]}" for v in ("plain", "bibtex") if v in results]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for name, scenario in SCENARIOS.items():
        if not any(name in results[v] for v in variants):
            continue
        row = [scenario.label, *(_cell(results[v].get(name)) for v in variants)]
        if has_ratios:
            ext = results["ext"].get(name)
            row += [_ratio(ext, results[v].get(name)) for v in ("plain", "bibtex") if v in results]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def size_heading(size_name: str, size_data: dict[str, Any]) -> str:
    """One line saying what a size is."""
    p = size_data["params"]
    if size_data.get("suite") == "accepted":
        return (
            f"**{size_name}**: {p['papers']:,} accepted papers, a page each (sphinx-workshop: from an "
            f"export; plain Sphinx: hand-written MyST pages); median of {size_data['runs']} run(s), "
            "wall time · peak memory (ratios: time · memory)"
        )
    return (
        f"**{size_name}**: {p['papers']:,} papers, {p['pages']:,} pages, {p['cites_per_page']} citations "
        f"per page; median of {size_data['runs']} run(s), wall time · peak memory (ratios: time · memory)"
    )


@dataclass(frozen=True)
class Target:
    """One target of the issue and whether the measurement meets it (None: not measured)."""

    text: str
    ok: bool | None
    detail: str
    #: The suite of sizes it is about (see :class:`bench.generate.Size`).
    suite: str = "citations"

    @property
    def verdict(self) -> str:
        """PASS, FAIL or SKIP."""
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.ok]


def _get(data: Data, size: str, variant: str, scenario: str) -> dict[str, Any] | None:
    result: dict[str, Any] | None = (
        data["sizes"].get(size, {}).get("results", {}).get(variant, {}).get(scenario)
    )
    return result


def _suite(data: Data, size: str) -> str:
    suite: str = data["sizes"][size].get("suite", "citations")
    return suite


def _ratio_target(
    data: Data,
    text: str,
    scenario: str,
    other: str,
    limit: float,
    sizes: tuple[str, ...] = (),
    *,
    suite: str = "citations",
    other_scenario: str = "",
    variant: str = "ext",
) -> Target:
    """Wall-time ratio of *variant*'s *scenario* to *other*'s (its *other_scenario*, by default the same)
    at every size of *suite* measured (or those of *sizes*); the CPU-time ratio is shown too."""
    found = []
    for size in data["sizes"]:
        if (sizes and size not in sizes) or _suite(data, size) != suite:
            continue
        ext = _get(data, size, variant, scenario)
        ref = _get(data, size, other, other_scenario or scenario)
        if ext and ref:
            cpu = ext["median_cpu_s"] / ref["median_cpu_s"]
            found.append((size, ext["median_s"] / ref["median_s"], cpu))
    if not found:
        return Target(text, None, "not measured", suite)
    detail = ", ".join(f"{size} {ratio:.2f}x, CPU time {cpu:.2f}x" for size, ratio, cpu in found)
    return Target(text, all(ratio <= limit for _, ratio, _ in found), detail, suite)


def _scaling_target(data: Data) -> Target:
    text = "10x the papers costs at most 10x the time and memory (sphinx-workshop, small → large)"
    small, large = data["sizes"].get("small"), data["sizes"].get("large")
    if not small or not large:
        return Target(text, None, "needs both --size small and --size large")
    worst: tuple[float, str] | None = None
    for name in SCENARIOS:
        a, b = _get(data, "small", "ext", name), _get(data, "large", "ext", name)
        if not a or not b:
            continue
        for what, key in (("time", "median_s"), ("memory", "peak_mb")):
            ratio = b[key] / a[key]
            if worst is None or ratio > worst[0]:
                worst = (ratio, f"{name} {what}")
    if worst is None:
        return Target(text, None, "sphinx-workshop not measured at both sizes")
    return Target(text, worst[0] <= 10, f"worst: {worst[1]} {worst[0]:.2f}x")


def _written_target(data: Data) -> Target:
    """Editing one row writes one paper's page and the index (and the root, which Sphinx always writes)."""
    text = "accepted papers: editing one row rewrites only that paper's page and the index"
    found, ok = [], True
    for size in data["sizes"]:
        if _suite(data, size) != "accepted":
            continue
        for variant in ("ext", "plain"):
            result = _get(data, size, variant, "edit-row")
            if result is None:
                continue
            pages = result.get("written_pages", [])
            papers = [page for page in pages if page.startswith("papers/")]
            others = set(pages) - set(papers)
            if variant == "ext":
                ok = ok and result.get("written", 0) == len(pages) and len(papers) == 1
                ok = ok and "accepted.html" in others and others <= {"accepted.html", "index.html"}
            found.append(f"{size} {VARIANT_NAMES[variant]} {result.get('written', 0)}: {', '.join(pages)}")
    if not found:
        return Target(text, None, "not measured", "accepted")
    return Target(text, ok, "; ".join(found), "accepted")


def accepted_targets(data: Data) -> list[Target]:
    """The targets of issue 28 ("Scale"), at the sizes of accepted papers."""
    return [
        _ratio_target(data, "accepted papers: full build ≤ 1.0x plain Sphinx", "full", "plain", 1.0,
                      suite="accepted"),
        _ratio_target(data, "accepted papers: editing one row ≤ 1.3x plain Sphinx editing one page",
                      "edit-row", "plain", 1.3, suite="accepted"),
        _ratio_target(data, "accepted papers: full build in sphinx-book-theme ≤ 2x alabaster", "full-book",
                      "ext", 2.0, suite="accepted", other_scenario="full"),
        _written_target(data),
    ]  # fmt: skip


def asset_bytes(*, page: bool = False) -> tuple[int, list[str]]:
    """Size of the extension's site-wide CSS and JS files (*page*: its page scripts), and their names."""
    files = sorted(
        p
        for p in STATIC_DIR.glob("**/*")
        if p.suffix in {".css", ".js"} and p.is_file() and (p.name in PAGE_ASSETS) == page
    )
    return sum(p.stat().st_size for p in files), [p.name for p in files]


def targets(data: Data) -> list[Target]:
    """Every target of issues 6, 10 and 28, checked against *data*."""
    total, files = asset_bytes()
    page_total, page_files = asset_bytes(page=True)
    page_note = f"; page scripts apart: {page_total:,} bytes ({', '.join(page_files)})" if page_files else ""
    return [
        _ratio_target(data, "full build ≤ 1.10x plain Sphinx", "full", "plain", 1.10),
        _ratio_target(data, "full build ≤ 0.5x sphinxcontrib-bibtex", "full", "bibtex", 0.5),
        _ratio_target(data, "rebuild after editing one page ≤ 1.3x plain Sphinx", "edit-page", "plain", 1.3),
        _ratio_target(
            data,
            "add one citation at 10,000 papers ≤ 2x plain Sphinx",
            "add-cite",
            "plain",
            2.0,
            sizes=("large", "large-real"),
        ),
        _scaling_target(data),
        Target(
            "the extension's CSS + JS < 5 KB",
            total < ASSET_BUDGET,
            f"{total:,} bytes in {len(files)} file(s)"
            + (f": {', '.join(files)}" if files else "")
            + page_note,
        ),
        *accepted_targets(data),
    ]


def suites(data: Data) -> list[str]:
    """The suites of the sizes measured in *data*, citations first."""
    found = {_suite(data, size) for size in data["sizes"]}
    return [suite for suite in ("citations", "accepted") if suite in found]


def targets_text(data: Data) -> str:
    """The targets of the suites measured, as a Markdown list with PASS/FAIL/SKIP."""
    shown = suites(data)
    return "\n".join(f"- **{t.verdict}** {t.text} ({t.detail})" for t in targets(data) if t.suite in shown)


def render(data: Data) -> str:
    """The whole report: one table per size, then the targets."""
    parts = []
    for size_name in sorted(data["sizes"], key=lambda s: list(SIZES).index(s) if s in SIZES else len(SIZES)):
        parts += [size_heading(size_name, data["sizes"][size_name]), "", table(data["sizes"][size_name]), ""]
    issues = {"citations": "issues 6 and 10", "accepted": "issue 28"}
    parts += [f"Targets of {' and '.join(issues[suite] for suite in suites(data))}:", "", targets_text(data)]
    return "\n".join(parts)

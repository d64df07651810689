"""Smoke test of the benchmark harness (``python -m bench``): the tiny size, structure only, no timings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SCENARIOS = ["full", "edit-page", "add-cite", "edit-bib", "full-j2"]
VARIANTS = ["ext", "plain"]


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bench`` from the project's root."""
    return subprocess.run(
        [sys.executable, "-m", "bench", *args], cwd=PROJECT, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One tiny run of the extension and plain variants, every scenario, and its JSON results."""
    out = tmp_path_factory.mktemp("bench") / "results.json"
    proc = bench("--size", "tiny", "--variants", ",".join(VARIANTS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(out.read_text(encoding="utf-8"))


def test_results_have_every_variant_and_scenario(run):
    _, data = run
    assert set(data["machine"]) >= {"cpu", "cores", "ram_gb", "python", "sphinx"}
    assert list(data["sizes"]) == ["tiny"]
    tiny = data["sizes"]["tiny"]
    assert tiny["params"] == {"papers": 50, "pages": 5, "cites_per_page": 3}
    assert tiny["runs"] == 1
    assert sorted(tiny["results"]) == sorted(VARIANTS)
    for variant in VARIANTS:
        assert list(tiny["results"][variant]) == SCENARIOS
        for summary in tiny["results"][variant].values():
            assert summary["runs"] == len(summary["samples"]) == 1
            assert summary["median_s"] > 0
            assert summary["peak_mb"] > 10


def test_plain_variant_builds_without_warnings(run):
    _, data = run
    for scenario, summary in data["sizes"]["tiny"]["results"]["plain"].items():
        assert summary["warnings"] == 0, scenario


def test_extension_variant_builds_without_warnings(run):
    from sphinx_workshop import papers

    if not hasattr(papers, "anchor_for"):
        pytest.skip("the papers feature (cite role, references directive) is not there yet")
    _, data = run
    for scenario, summary in data["sizes"]["tiny"]["results"]["ext"].items():
        assert summary["warnings"] == 0, scenario


def test_report_prints_table_and_targets(run):
    proc, _ = run
    assert "| full build |" in proc.stdout
    assert "| sphinx-workshop | plain Sphinx | ÷ plain Sphinx |" in proc.stdout
    for target in ("full build ≤ 1.10x plain Sphinx", "the extension's CSS + JS < 5 KB"):
        assert target in proc.stdout
    lines = [line for line in proc.stdout.splitlines() if line.startswith("- **")]
    assert len(lines) == 6  # those of the citations: the accepted papers' are not measured
    assert all(line.split("**")[1] in {"PASS", "FAIL", "SKIP"} for line in lines)


def test_write_readme_replaces_only_the_results(run, tmp_path):
    _, data = run
    results = tmp_path / "results.json"
    results.write_text(json.dumps(data), encoding="utf-8")
    readme = tmp_path / "README.md"
    prose = "Hand-written prose that stays.\n"
    readme.write_text(
        f"# Top\n\n<!-- bench:start -->\n{prose}<!-- bench:end -->\n\n# After\n", encoding="utf-8"
    )
    for _ in range(2):  # the second write replaces the first
        proc = bench("--from-json", str(results), "--write-readme", "--readme", str(readme))
        assert proc.returncode == 0, proc.stderr
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"# Top\n\n<!-- bench:start -->\n{prose}")
    assert text.endswith("<!-- bench:end -->\n\n# After\n")
    assert text.count("<!-- bench-results:start -->") == 1
    assert "| full build |" in text
    assert data["machine"]["cpu"] in text


def test_real_world_corpus_builds_without_warnings(tmp_path):
    out = tmp_path / "real.json"
    proc = bench(
        "--size", "tiny-real", "--variants", "ext", "--scenarios", "full,add-cite", "--out", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(out.read_text(encoding="utf-8"))["sizes"]["tiny-real"]["results"]["ext"]
    assert {scenario: summary["warnings"] for scenario, summary in results.items()} == {
        "full": 0,
        "add-cite": 0,
    }


def test_real_world_corpus_has_the_exported_field_mix():
    from bench.corpus import render_real_bib
    from bench.generate import SIZES, make_content

    bib = render_real_bib(make_content(SIZES["large-real"]).papers)
    shapes = ("@string{", "@preamble{", "crossref = ", "@phdthesis{", "@book{", "@techreport{", "date = ",
              "journaltitle = ", "eprinttype = {arxiv}", "\\_", "$\\{$", "\\emph{", "{\\'e}")  # fmt: skip
    for shape in shapes:
        assert shape in bib, shape


def test_profile_mode_says_where_the_time_goes():
    proc = bench("--profile", "--size", "tiny")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("sphinx-workshop, full build, size tiny:")
    for heading in ("Self time per package:", "functions by cumulative time:", "sphinx_workshop functions"):
        assert heading in proc.stdout


@pytest.fixture(scope="module")
def accepted(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One run of the accepted-papers scenarios at 12 papers (every variant asked: bibtex has none)."""
    out = tmp_path_factory.mktemp("bench") / "accepted.json"
    proc = bench("--size", "accepted-tiny", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(out.read_text(encoding="utf-8"))


def test_accepted_scenarios_run_for_the_extension_and_plain_sphinx(accepted):
    _, data = accepted
    size = data["sizes"]["accepted-tiny"]
    assert size["params"]["papers"] == 12
    assert size["suite"] == "accepted"
    results = size["results"]
    assert {variant: list(by_scenario) for variant, by_scenario in results.items()} == {
        "ext": ["full", "edit-row", "full-book"],
        "plain": ["full", "edit-row"],
    }
    for variant, by_scenario in results.items():
        for scenario, summary in by_scenario.items():
            assert summary["warnings"] == 0, (variant, scenario)
            assert summary["median_s"] > 0
            assert summary["peak_mb"] > 10
    assert results["ext"]["full"]["written"] == results["plain"]["full"]["written"] == 12 + 2


def test_editing_one_row_writes_that_papers_page_and_the_index(accepted):
    _, data = accepted
    results = data["sizes"]["accepted-tiny"]["results"]
    for variant in ("ext", "plain"):
        pages = results[variant]["edit-row"]["written_pages"]
        assert "accepted.html" in pages, variant
        assert [page for page in pages if page.startswith("papers/")] == ["papers/paper-7.html"], variant


def test_accepted_report_has_its_rows_and_targets(accepted):
    proc, _ = accepted
    assert "**accepted-tiny**: 12 accepted papers, a page each" in proc.stdout
    for row in ("| full build |", "| edit one paper (its row; plain Sphinx: its page) |",
                "| full build, sphinx-book-theme |"):  # fmt: skip
        assert row in proc.stdout
    verdicts = {
        line.split("** ", 1)[1].split(" (")[0]: line.split("**")[1]
        for line in proc.stdout.splitlines()
        if line.startswith("- **")
    }
    for target in (
        "accepted papers: full build ≤ 1.0x plain Sphinx",
        "accepted papers: editing one row ≤ 1.3x plain Sphinx editing one page",
        "accepted papers: full build in sphinx-book-theme ≤ 2x alabaster",
    ):
        assert verdicts[target] in {"PASS", "FAIL"}, target
    written = "accepted papers: editing one row rewrites only that paper's page and the index"
    assert verdicts[written] == "PASS"
    assert len(verdicts) == 4  # the targets of the citations are not shown: not measured
    assert "Targets of issue 28:" in proc.stdout


def test_write_readme_keeps_each_suites_results_apart(accepted, run, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("<!-- bench:start -->\nProse.\n<!-- bench:end -->\n", encoding="utf-8")
    for _, data in (run, accepted):
        results = tmp_path / "results.json"
        results.write_text(json.dumps(data), encoding="utf-8")
        proc = bench("--from-json", str(results), "--write-readme", "--readme", str(readme))
        assert proc.returncode == 0, proc.stderr
    text = readme.read_text(encoding="utf-8")
    citations = text.split("<!-- bench-results:start -->")[1].split("<!-- bench-results:end -->")[0]
    accepted_part = text.split("<!-- bench-accepted:start -->")[1].split("<!-- bench-accepted:end -->")[0]
    assert "**tiny**" in citations and "accepted-tiny" not in citations
    assert "**accepted-tiny**" in accepted_part and "**tiny**" not in accepted_part
    assert text.index("<!-- bench-results:end -->") < text.index("<!-- bench-accepted:start -->")


def test_accepted_export_is_read_as_generated(tmp_path):
    from bench.accepted import make_papers, render_export
    from sphinx_workshop.accepted import read_export

    papers = make_papers(40)
    path = tmp_path / "accepted.csv"
    path.write_text(render_export(papers), encoding="utf-8")
    read = read_export(path)
    assert not read.problems
    assert [(p.key, p.title, p.abstract, len(p.authors), p.decision) for p in read.papers] == [
        (p.key, p.title, p.abstract, len(p.authors), p.decision) for p in papers
    ]
    assert all(9 <= len(p.title.split()) <= 15 for p in papers)
    assert all(150 <= len(p.abstract.split()) <= 300 and "\n\n" in p.abstract for p in papers)
    assert any("$" in p.abstract for p in papers) and any("**" in p.abstract for p in papers)

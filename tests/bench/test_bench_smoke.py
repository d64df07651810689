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
    assert len(lines) == 6
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

""".readthedocs.yaml is valid for Read the Docs; its html job builds the site where Read the Docs looks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sitecheck import soup
from systemtools import TEX_PACKAGES, require

pytestmark = [pytest.mark.slow]

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / ".readthedocs.yaml"
CANONICAL = "https://mlforsystems.readthedocs.io/en/latest/"


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema against its vendored copy of Read the Docs' published schema."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.readthedocs", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def jobs() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["build"]["jobs"]


def test_config_matches_the_schema() -> None:
    result = validate(CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_can_fail(tmp_path) -> None:
    broken = tmp_path / ".readthedocs.yaml"
    broken.write_text(CONFIG.read_text(encoding="utf-8").replace("html:", "htm:"), encoding="utf-8")
    assert validate(broken).returncode != 0


def test_install_uses_the_lock_file_then_the_project_alone() -> None:
    assert jobs()["install"] == [
        "python -m pip install --no-cache-dir -r requirements/docs.lock",
        "python -m pip install --no-cache-dir --no-deps .",
    ]
    assert (PROJECT / "requirements" / "docs.lock").is_file()


def test_every_build_job_runs_sphinx_strictly_with_this_layout() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    build = config["build"]["jobs"]["build"]
    assert set(build) == {"html", *config["formats"]}
    for name, commands in build.items():
        (sphinx,) = [c for c in commands if c.startswith("python -m sphinx ")]
        assert " -c . -W --keep-going -d _build/doctrees " in sphinx, name
        assert " source " in sphinx, name
        assert "_build/html" not in " ".join(commands), name
        assert any(f"$READTHEDOCS_OUTPUT/{name}" in c for c in commands), name


def checkout(where: Path) -> Path:
    """A copy of what Read the Docs clones (the project without caches, builds and tests)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "tests", "bench", ".*_cache")
    return Path(shutil.copytree(PROJECT, where, ignore=ignore))


def run_job(name: str, project: Path, output: Path) -> None:
    """Run the commands of ``build.jobs.build.<name>`` one by one, as Read the Docs does (bash, -e)."""
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_CANONICAL_URL": CANONICAL,
        # `python` of the job is the environment's interpreter, as in Read the Docs' virtualenv.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    for command in jobs()["build"][name]:
        result = subprocess.run(
            ["bash", "-e", "-c", command], cwd=project, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"


def test_epub_job_leaves_one_book(tmp_path) -> None:
    project = checkout(tmp_path / "checkout")
    output = project / "_readthedocs"
    run_job("epub", project, output)
    assert [p.suffix for p in (output / "epub").iterdir()] == [".epub"]


def test_html_job_builds_into_readthedocs_output(tmp_path) -> None:
    project = checkout(tmp_path / "checkout")
    output = project / "_readthedocs"
    run_job("html", project, output)
    html = output / "html"
    assert (html / "index.html").is_file()
    assert not (html / ".doctrees").exists()
    assert sorted(p.name for p in output.iterdir()) == ["html"]
    index = soup(html / "index.html")
    (canonical,) = index.select('link[rel="canonical"]')
    assert canonical["href"] == CANONICAL + "index.html"
    assert index.select_one('meta[property="og:url"]')["content"] == CANONICAL + "index.html"
    assert CANONICAL + "call_for_papers.html" in (html / "sitemap.xml").read_text(encoding="utf-8")
    missing = soup(html / "404.html")
    links = [a["href"] for a in missing.select("article.bd-article a[href]")]
    assert "/en/latest/index.html" in links


def _outline(reader) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), depth 0 for chapters."""
    found: list[tuple[int, str]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


def test_pdf_job_makes_the_pages_chapters_dated_by_the_event(tmp_path) -> None:
    from pypdf import PdfReader

    for command in ("latexmk", "pdflatex"):
        require(command, TEX_PACKAGES)
    project = checkout(tmp_path / "checkout")
    output = project / "_readthedocs"
    run_job("pdf", project, output)
    (pdf,) = (output / "pdf").iterdir()
    reader = PdfReader(pdf)
    chapters = [title for depth, title in _outline(reader) if depth == 0]
    # The home page's sections, then each page of its toctree: chapters, not sections under "Contact Us".
    assert chapters == [
        "References",
        "Organizing Committee",
        "Contact Us",
        "Call for papers",
        "Program",
        "Accepted papers",
        "Committees",
    ]
    assert (1, "Areas of interest") in _outline(reader)
    title_page = reader.pages[0].extract_text()
    assert "ML For Systems @ NeurIPS 2020" in title_page
    assert "December 12, 2020" in title_page
    assert reader.metadata["/CreationDate"].startswith("D:20201212")


def test_pdf_date_follows_source_date_epoch(tmp_path) -> None:
    from sitebuild import build_site

    built = build_site("latex", tmp_path / "latex", env={"SOURCE_DATE_EPOCH": "1609459200"})
    assert built.status == 0, built.warnings
    tex = built.page("mlforsystems2020.tex")
    assert "\\date{Jan 01, 2021}" in tex
    assert "/CreationDate" not in tex  # pdfTeX dates the file by SOURCE_DATE_EPOCH itself

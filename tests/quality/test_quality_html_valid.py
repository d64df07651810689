"""The Nu Html Checker (npm ``vnu-jar``, run with Java) finds no error in any page of the built site.

Theme fragments under ``_static/`` are not pages and are not checked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import PROJECT

pytestmark = [pytest.mark.slow]

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what}; CI must run the HTML checker")
    pytest.skip(what)


def vnu_errors(files: list[Path]) -> list[str]:
    """``file:line:column: message`` for every error the checker reports in *files*."""
    java = shutil.which("java")
    if java is None:
        _missing("java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        _missing("vnu.jar is missing (npm ci --ignore-scripts)")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)]
    run = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    errors = []
    for message in report["messages"]:
        where = Path(message.get("url", "").removeprefix("file:")).name
        line, column = message.get("lastLine", "?"), message.get("firstColumn", "?")
        extract = message.get("extract", "").strip().replace("\n", " ")[:120]
        errors.append(f"{where}:{line}:{column}: {message['type']}: {message['message']} [{extract}]")
    return errors


def pages(outdir: Path) -> list[Path]:
    """Every HTML page of the build (``_static``, ``_sources`` and the doctrees are not pages)."""
    return [
        p for p in sorted(outdir.rglob("*.html")) if not p.relative_to(outdir).parts[0].startswith(("_", "."))
    ]


def test_checker_catches_an_error(tmp_path) -> None:
    """The checker runs and reports what it should, so a silent tool cannot pass the next test."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        '<body><p id="a">x<p id="a"></body></html>'
    )
    errors = vnu_errors([page])
    assert any("Duplicate ID" in error for error in errors), errors


def test_every_page_is_valid_html(site_html) -> None:
    files = pages(site_html.outdir)
    assert len(files) >= 6
    errors = vnu_errors(files)
    assert not errors, "\n".join(errors)

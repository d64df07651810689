"""The Nu Html Checker (npm ``vnu-jar``, run with Java) finds no error in any page of the built site.

Theme fragments under ``_static/`` are not pages and are not checked.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sitebuild import PROJECT
from systemtools import missing, require

pytestmark = [pytest.mark.slow]

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(files: list[Path]) -> dict[Path, list[str]]:
    """``file:line:column: message`` for every error the checker reports, by resolved path of each of
    *files* (one Java run for all of them)."""
    java = require("java", "default-jre-headless")
    if not VNU_JAR.exists():
        missing("vnu.jar is missing (npm ci --ignore-scripts)")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)]
    run = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    errors: dict[Path, list[str]] = {file.resolve(): [] for file in files}
    for message in report["messages"]:
        where = Path(message.get("url", "").removeprefix("file:")).resolve()
        line, column = message.get("lastLine", "?"), message.get("firstColumn", "?")
        extract = message.get("extract", "").strip().replace("\n", " ")[:120]
        text = f"{where.name}:{line}:{column}: {message['type']}: {message['message']} [{extract}]"
        errors.setdefault(where, []).append(text)
    return errors


def pages(outdir: Path) -> list[Path]:
    """Every HTML page of the build (``_static``, ``_sources`` and the doctrees are not pages)."""
    return [
        p for p in sorted(outdir.rglob("*.html")) if not p.relative_to(outdir).parts[0].startswith(("_", "."))
    ]


#: A page with one error the checker must report, checked in the same run as the site's pages.
PLANTED = (
    '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p id="a">x<p id="a"></body></html>'
)


@pytest.fixture(scope="module")
def checked(
    site_html, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[Path], dict[Path, list[str]]]:
    """The planted page (resolved), the site's pages, and the errors of one checker run over all of them."""
    planted = (tmp_path_factory.mktemp("planted") / "planted.html").resolve()
    planted.write_text(PLANTED, encoding="utf-8")
    files = pages(site_html.outdir)
    return planted, files, vnu_errors([planted, *files])


def test_checker_catches_an_error(checked) -> None:
    """The checker runs and reports what it should, so a silent tool cannot pass the next test."""
    planted, _, errors = checked
    assert any("Duplicate ID" in error for error in errors[planted]), errors


def test_every_page_is_valid_html(checked) -> None:
    planted, files, errors = checked
    assert len(files) >= 6
    found = [error for path, of_page in errors.items() if path != planted for error in of_page]
    assert not found, "\n".join(found)

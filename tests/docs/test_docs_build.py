"""The documentation site (``docs/``) builds as ``make docs`` builds it, strictly, and its generated reference
lists exactly what the extension registers: every directive (under each name) and its declared options,
every role, configuration value and warning subtype."""

from __future__ import annotations

import io
import re
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from docutils.parsers.rst import directives, roles
from kit import parse_file
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.diagnostics import SUBTYPES

# The site tests' link checker (tests/site is on the path only once one of its modules is collected).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitecheck import broken_links

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, int, str]:
    """The docs built with the options of ``make docs``: (output folder, status, warnings)."""
    where = tmp_path_factory.mktemp("docs")
    out, warnfile = where / "html", where / "warnings.txt"
    args = ["-W", "--keep-going", "-n", "-E", "-a", "-q", "-w", str(warnfile), "-d", str(where / "doctrees")]
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        status = build_main([*args, "-b", "html", str(DOCS), str(out)])
    return out, status, warnfile.read_text(encoding="utf-8") if warnfile.exists() else ""


def registered(tmp_path: Path) -> dict[str, object]:
    """What loading the extension adds to a Sphinx app: the difference of an app with it and one without."""
    found: dict[str, dict] = {}
    for label, extensions in (("without", []), ("with", ["sphinx_workshop"])):
        src = tmp_path / label
        src.mkdir()
        (src / "conf.py").write_text(f"extensions = {extensions!r}\n", encoding="utf-8")
        (src / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
        app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / f"{label}-build")
        try:
            domains = {d.name: d for d in app.env.domains.values()}
            found[label] = {
                "directives": dict(directives._directives),
                "roles": dict(roles._roles),
                "domain_directives": {
                    f"{name}:{d}": cls for name, dom in domains.items() for d, cls in dom.directives.items()
                },
                "domain_roles": {
                    f"{name}:{r}": role for name, dom in domains.items() for r, role in dom.roles.items()
                },
                "config": set(app.config.values),
                "descriptions": {name: app.config.values[name].description for name in app.config.values},
            }
        finally:
            app.cleanup()
    new = {
        kind: {k: v for k, v in found["with"][kind].items() if k not in found["without"][kind]}
        for kind in ("directives", "roles", "domain_directives", "domain_roles")
    }
    return {
        "directives": {**new["directives"], **new["domain_directives"]},
        "roles": {**new["roles"], **new["domain_roles"]},
        "config": found["with"]["config"] - found["without"]["config"],
        "descriptions": found["with"]["descriptions"],
    }


@pytest.fixture(scope="module")
def code(tmp_path_factory) -> dict[str, object]:
    return registered(tmp_path_factory.mktemp("registered"))


def test_docs_build_strictly_without_a_warning(built) -> None:
    _out, status, warnings = built
    assert warnings == ""
    assert status == 0


def test_internal_links_and_anchors_resolve(built) -> None:
    assert broken_links(built[0]) == []


def _page(built, name: str):
    return parse_file(built[0] / "reference" / f"{name}.html").select_one("article")


def _names(field_body) -> list[str]:
    return [code.get_text() for code in field_body.select("code")]


def test_reference_lists_every_directive_under_every_name_with_its_options(built, code) -> None:
    page = _page(built, "directives")
    listed: dict[str, list[str]] = {}
    for section in page.select("section section"):
        names = next(
            field.find_next_sibling("dd")
            for field in section.select("dl.field-list dt")
            if "Names" in field.text
        )
        options = [cell.get_text().strip(":") for cell in section.select("table tbody tr td:first-child")]
        for name in _names(names):
            listed[name] = options
    assert sorted(listed) == sorted(code["directives"])
    for name, options in listed.items():
        assert options == list(code["directives"][name].option_spec), name
    assert "?" not in page.get_text(" ").split()  # every option's value is described


def test_reference_lists_every_role(built, code) -> None:
    rows = _page(built, "roles").select("table tbody tr")
    listed = [
        name.get_text() for row in rows for name in row.select("td:nth-child(1) code, td:nth-child(2) code")
    ]
    assert sorted(listed) == sorted(code["roles"])


def test_reference_lists_every_config_value(built, code) -> None:
    titles = [h.select_one("code").get_text() for h in _page(built, "config").select("section section h2")]
    assert sorted(titles) == sorted(code["config"])
    assert {name.split("_")[0] for name in titles} == {"papers", "workshop"}
    # each section says what its add_config_value declaration says, word for word (quotes and inline
    # markup rendered)
    for heading in _page(built, "config").select("section section h2"):
        name = heading.select_one("code").get_text()
        shown = " ".join(re.findall(r"\w+", heading.find_parent("section").get_text(" ")))
        assert " ".join(re.findall(r"\w+", code["descriptions"][name])) in shown, name


def test_reference_lists_every_warning_subtype(built) -> None:
    rows = _page(built, "warnings").select("table tbody tr")
    assert [row.select_one("td code").get_text() for row in rows] == [f"workshop.{name}" for name in SUBTYPES]
    assert [row["id"] for row in rows] == [f"warning-{name.replace('_', '-')}" for name in SUBTYPES]


def test_read_the_docs_config_matches_the_schema() -> None:
    from test_readthedocs import validate

    result = validate(DOCS / ".readthedocs.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_read_the_docs_builds_the_docs_as_make_docs_does() -> None:
    import yaml

    config = yaml.safe_load((DOCS / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["sphinx"]["configuration"] == "docs/conf.py"
    (command,) = config["build"]["jobs"]["build"]["html"]
    assert " -W --keep-going -n " in command and command.endswith(" docs $READTHEDOCS_OUTPUT/html")
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "-W --keep-going -n -b html -d $(BUILDDIR)/doctrees-docs docs $(BUILDDIR)/docs" in makefile

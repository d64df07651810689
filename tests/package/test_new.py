"""``sphinx-workshop new DIR``: the site it writes builds strictly (``-W``) in each of the five themes and
both source formats, a hostile title stays text everywhere, existing files are never overwritten, bad
options are one line and exit status 2, and the options are asked for only in a terminal.

Sites are built in a Python of their own (``tests/sphinxprocess.py``): an in-process sphinx-book-theme
build makes a later pydata-sphinx-theme build of the same process fail.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from kit import parse_file
from sphinxprocess import sphinx_build
from systemtools import require

from sphinx_workshop import cli
from sphinx_workshop.new import FORMATS, LANGUAGES, TEMPLATES, THEMES, SiteOptions, site_files

PROJECT = Path(__file__).resolve().parents[2]
EXT = PROJECT / "ext"
pytestmark = [pytest.mark.slow]

#: Everything a title could break: quotes and a backslash for conf.py, MyST and rST markup, a role, math,
#: HTML, a link to javascript:, a colon fence, a comment and a line break.
HOSTILE = (
    'It\'s "ML" #1 \\ <b>bold</b> *not em* {cite}`x` $x$ |s| [a](javascript:alert(1))\n'
    ":::{organizer} Eve\n.. raw:: html"
)
#: What the title is on the page: one line (a newline is a space).
SHOWN = " ".join(HOSTILE.split())
#: A file each theme's HTML build writes, telling which theme built the site.
THEME_FILE = {
    "sphinx_book_theme": "_static/styles/sphinx-book-theme.css",
    "furo": "_static/styles/furo.css",
    "sphinx_rtd_theme": "_static/css/theme.css",
    "pydata_sphinx_theme": "_static/styles/pydata-sphinx-theme.css",
    "alabaster": "_static/alabaster.css",
}
SUFFIX = {"myst": ".md", "rst": ".rst"}


def run_new(*args: str | Path) -> int:
    """``sphinx-workshop new`` in this process (standard input is not a terminal under pytest)."""
    return cli.main(["new", *map(str, args)])


def build_html(site: Path) -> subprocess.CompletedProcess[str]:
    """The site built as its Makefile's ``html`` target does, in a Python of its own."""
    args = ["-W", "--keep-going", "-q", "-b", "html", "-d", str(site / "_build" / "doctrees")]
    return sphinx_build([*args, str(site), str(site / "_build" / "html")], cwd=site)


def conf_values(site: Path) -> dict[str, object]:
    """The names conf.py assigns, read as Python parses it (a title that broke the syntax fails here)."""
    tree = ast.parse((site / "conf.py").read_text(encoding="utf-8"))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            with contextlib.suppress(ValueError):  # not a literal: html_title = project, escape(...)
                values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def unsmart(text: str) -> str:
    """*text* with the typographic quotes of Sphinx's smartquotes (MyST pages) as typed."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


@pytest.mark.parametrize("source_format", FORMATS)
@pytest.mark.parametrize("theme", THEMES)
def test_new_site_builds_strictly(tmp_path: Path, theme: str, source_format: str) -> None:
    site = tmp_path / "site"
    assert run_new(site, "--theme", theme, "--format", source_format, "--title", HOSTILE) == 0
    built = build_html(site)
    assert (built.returncode, built.stdout + built.stderr) == (0, "")
    html = site / "_build" / "html"
    assert (html / THEME_FILE[theme]).is_file()
    assert sorted(p.name for p in site.glob("*.*") if p.suffix in (".md", ".rst")) == [
        f"{page}{SUFFIX[source_format]}" for page in ("accepted", "index", "organizers", "program")
    ]

    index = parse_file(html / "index.html")
    heading = index.select_one("section h1")
    heading.select_one("a.headerlink").decompose()
    assert unsmart(heading.get_text()) == SHOWN
    assert not [b for b in index.select("b") if "bold" in b.get_text()]
    assert not index.select('a[href^="javascript:"]') and not index.select("em")
    event = json.loads(index.select_one('script[type="application/ld+json"]').get_text())
    assert event["name"] == SHOWN
    assert [a.get_text() for a in index.select(".toctree-wrapper a")] == [
        "Organizers",
        "Program",
        "Accepted papers",
    ]

    organizers = parse_file(html / "organizers.html")
    assert [c["id"] for c in organizers.select("div.sw-person-grid div.sw-person-card")] == [
        "person-ada-example",
        "person-ben-sample",
    ]
    program = parse_file(html / "program.html")
    assert len(program.select("table.sw-schedule-table time")) == 6
    assert [a["href"] for a in program.select(".sw-schedule-subitems a")] == [
        f"papers/paper-example-{n}.html#paper-paper-example-{n}" for n in (1, 2, 3)
    ]
    accepted = parse_file(html / "accepted.html")
    titles = [a.get_text(" ", strip=True) for a in accepted.select("a.reference.internal[href^='papers/']")]
    assert len(titles) == 3 and all(t.startswith("Example Paper") for t in titles), titles


def test_conf_holds_the_options(tmp_path: Path) -> None:
    assert run_new(tmp_path / "a", "--theme", "furo", "--language", "zh_CN", "--title", HOSTILE) == 0
    values = conf_values(tmp_path / "a")
    assert values["project"] == SHOWN
    assert (values["html_theme"], values["language"]) == ("furo", "zh_CN")
    assert values["extensions"] == ["myst_parser", "sphinx_workshop"]
    assert values["myst_enable_extensions"] == ["colon_fence"]
    assert values["papers_accepted"] == {"papers": {"export": "papers.csv", "year": values["copyright"][:4]}}
    assert run_new(tmp_path / "b", "--format", "rst", "--title", "Plain") == 0
    values = conf_values(tmp_path / "b")
    assert values["extensions"] == ["sphinx_workshop"] and "myst_enable_extensions" not in values
    assert (values["project"], values["html_theme"], values["language"]) == (
        "Plain",
        "sphinx_book_theme",
        "en",
    )


@pytest.mark.parametrize("theme", THEMES)
def test_requirements_name_the_extension_and_the_theme(theme: str) -> None:
    for source_format in FORMATS:
        text = site_files(SiteOptions(theme=theme, format=source_format))["requirements.txt"]
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        myst = ["myst-parser"] if source_format == "myst" else []
        assert lines == ["sphinx-workshop>=1.0.0", THEMES[theme], *myst]


def test_the_files_of_a_site() -> None:
    files = site_files(SiteOptions(today=datetime.date(2030, 1, 1)))
    assert sorted(files) == sorted(
        [".gitignore", ".readthedocs.yaml", "Makefile", "conf.py", "papers.csv", "requirements.txt"]
        + [f"{page}.md" for page in ("accepted", "index", "organizers", "program")]
    )
    assert files[".gitignore"].splitlines()[0] == "_build/"
    # The example deadlines: 90, 45 and 21 days before the workshop.
    assert [line for line in files["index.md"].splitlines() if line.startswith("- ") and ": 20" in line] == [
        "- Submission deadline: 2030-04-01",
        "- Notification of acceptance: 2030-05-16",
        "- Camera-ready deadline: 2030-06-09",
        "- Workshop: 2030-06-30",
    ]
    assert ":date: 2030-06-30" in files["program.md"]
    header, *rows = files["papers.csv"].splitlines()
    assert header == "id,title,authors,abstract,keywords,decision,session,pdf"
    assert len(rows) == 3 and all(row.startswith("example-") for row in rows)
    assert (
        "\thtml" not in files["Makefile"] and "\t$(SPHINXBUILD) -W --keep-going -b html" in files["Makefile"]
    )


def test_readthedocs_config_matches_the_schema(tmp_path: Path) -> None:
    (tmp_path / ".readthedocs.yaml").write_text(site_files(SiteOptions())[".readthedocs.yaml"])
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.readthedocs"]
    done = subprocess.run([*command, str(tmp_path / ".readthedocs.yaml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_make_html_builds_the_site(tmp_path: Path) -> None:
    make = require("make", "make")
    site = tmp_path / "site"
    assert run_new(site, "--theme", "alabaster", "--format", "rst") == 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(EXT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [make, "-C", str(site), "html", f"SPHINXBUILD={sys.executable} -m sphinx", "SPHINXOPTS=-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stdout + done.stderr
    assert (site / "_build" / "html" / "accepted.html").is_file()


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("mine = 1\n")
    (tmp_path / "index.md").write_text("# Mine\n")
    assert run_new(tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "sphinx-workshop new: these files exist already; nothing was written:",
        f"  {tmp_path / 'conf.py'}",
        f"  {tmp_path / 'index.md'}",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conf.py", "index.md"]
    assert (tmp_path / "conf.py").read_text() == "mine = 1\n"


def test_refuses_a_file_as_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site").write_text("a file")
    assert run_new(tmp_path / "site") == 1
    assert (
        capsys.readouterr().err
        == f"sphinx-workshop new: {tmp_path / 'site'} is not a folder; nothing was written\n"
    )


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (["--theme", "bootstrap"], "new: error: argument --theme: invalid choice: 'bootstrap'"),
        (["--format", "docx"], "new: error: argument --format: invalid choice: 'docx'"),
        (["--language", "es"], "new: error: argument --language: invalid choice: 'es'"),
        (["--title", " \n "], "new: error: argument --title: the title is empty"),
        (["--colour", "red"], ": error: unrecognized arguments: --colour red"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], problem: str
) -> None:
    with pytest.raises(SystemExit) as exit:
        run_new(tmp_path / "site", *options)
    assert exit.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"sphinx-workshop {problem}".replace(" :", ":")), line
    assert line.endswith("--help)")
    assert not (tmp_path / "site").exists()


def test_help_says_what_is_written_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        run_new("--help")
    assert exit.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "Write a new workshop site into DIR (made if missing): conf.py, pages (the call for papers and "
        "dates, organizers, program, accepted papers from a sample export), requirements.txt, a Makefile, "
        ".readthedocs.yaml and .gitignore. Existing files are never overwritten. Options not given are "
        "asked for in a terminal; without one their defaults are used."
    ) in text
    assert "positional arguments: DIR the folder of the new site options:" in text


def test_no_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main([])
    assert exit.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_no_prompts_without_a_terminal(tmp_path: Path) -> None:
    """``python -m sphinx_workshop`` with standard input from /dev/null: the defaults, nothing asked."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(EXT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_workshop", "new", "my site"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "?" not in done.stdout and "[" not in done.stdout
    assert done.stdout.splitlines()[-2:] == [
        "  python -m pip install -r 'my site/requirements.txt'",
        "  make -C 'my site' html",
    ]
    values = conf_values(tmp_path / "my site")
    assert (values["project"], values["html_theme"], values["language"]) == (
        "My Workshop",
        "sphinx_book_theme",
        "en",
    )
    assert (tmp_path / "my site" / "index.md").is_file()


def _terminal(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """A terminal on standard input that gives *answers* in turn; returns the questions asked."""
    asked: list[str] = []

    def answer(question: str = "") -> str:
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", answer)
    return asked


def test_prompts_in_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _terminal(monkeypatch, ["  Systems \n Day ", "furo", "es", "de", ""])
    assert run_new(tmp_path / "site") == 0
    assert [question.split(" (")[0].split(" [")[0] for question in asked] == [
        "Workshop title",
        "The HTML theme",
        "The site's language",
        "The site's language",
        "The pages' source format: MyST Markdown or reStructuredText",
    ]
    assert asked[1].endswith(f"({', '.join(THEMES)}) [sphinx_book_theme]: ")
    assert asked[2].endswith(f"({', '.join(LANGUAGES)}) [en]: ")
    assert "Please answer one of: en, de, fr, zh_CN." in capsys.readouterr().err
    values = conf_values(tmp_path / "site")
    assert (values["project"], values["html_theme"], values["language"]) == ("Systems Day", "furo", "de")
    assert (tmp_path / "site" / "index.md").is_file()


def test_no_prompts_for_options_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _terminal(monkeypatch, ["fr"])
    assert run_new(tmp_path / "site", "--title", "T", "--theme", "alabaster", "--format", "rst") == 0
    assert len(asked) == 1 and asked[0].startswith("The site's language")
    assert conf_values(tmp_path / "site")["language"] == "fr"
    asked = _terminal(monkeypatch, [])
    options = ["--title", "T", "--theme", "furo", "--format", "rst", "--language", "en"]
    assert run_new(tmp_path / "other", *options) == 0
    assert asked == []


def test_stopping_at_a_prompt_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)

    def end_of_input(question: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(builtins, "input", end_of_input)
    assert run_new(tmp_path / "site") == 1
    assert capsys.readouterr().err.strip() == "sphinx-workshop new: stopped; nothing was written"
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("language", ["de", "fr", "zh_CN"])
def test_new_site_builds_in_each_language(tmp_path: Path, language: str) -> None:
    site = tmp_path / "site"
    assert run_new(site, "--theme", "alabaster", "--language", language) == 0
    built = build_html(site)
    assert (built.returncode, built.stdout + built.stderr) == (0, "")
    program = parse_file(site / "_build" / "html" / "program.html")
    assert program.select_one("html")["lang"] == language.replace("_", "-")


def test_entry_point_and_templates_are_declared() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"sphinx-workshop": "sphinx_workshop.cli:main"}
    patterns = project["tool"]["setuptools"]["package-data"]["sphinx_workshop"]
    package = EXT / "sphinx_workshop"
    templates = {path for path in TEMPLATES.rglob("*") if path.is_file()}
    assert len(templates) == 14
    # setuptools expands each pattern as glob does: "*" stays within one folder.
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    assert sorted(templates - shipped) == []


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("a file")
    site = tmp_path / "file" / "site"  # under a file: the folder cannot be made
    assert run_new(site) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("sphinx-workshop new: cannot write the site: [Errno 20] Not a directory: ")
    assert str(tmp_path / "file") in line


def test_the_next_steps_name_the_folder_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "my site"
    assert run_new(site, "--format", "rst", "--theme", "furo") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Wrote a rst site in furo into {site}: Makefile, conf.py, ")
    assert lines[-2:] == [
        f"  python -m pip install -r '{site}/requirements.txt'",
        f"  make -C '{site}' html",
    ]

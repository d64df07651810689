"""The dates how-to page (docs/howto/dates.md): its examples build as documented, its option table
matches the code."""

from __future__ import annotations

import re

from kit import build, documented, parse_file, warning_lines

from sphinx_workshop.dates.directives import ImportantDatesDirective

CONF = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'


def section() -> str:
    return documented("dates")


def test_docs_examples_build_as_documented(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1604188800")  # 2020-11-01
    [myst] = re.findall(r"^````markdown\n(.*?)^````$", section(), flags=re.DOTALL | re.MULTILINE)
    [rst] = re.findall(r"^```rst\n(.*?)^```$", section(), flags=re.DOTALL | re.MULTILINE)
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text("# Dates\n\n" + myst + "\n```{toctree}\nother\n```\n", encoding="utf-8")
    (srcdir / "other.rst").write_text(
        "Other\n=====\n\n" + rst.replace("submission", "deadline"), encoding="utf-8"
    )
    app = build(srcdir, tmp_path / "out")
    assert warning_lines(app, src="") == []
    page = parse_file(app.outdir / "index.html")
    assert len(page.select("li.sw-date")) == 4
    assert [b.text.strip() for b in page.select(".sw-phase-block:not([hidden])")] == [
        "Submissions are closed; decisions on October 28, 2020."
    ]
    other = parse_file(app.outdir / "other.html")
    assert [b.text.strip() for b in other.select(".sw-phase-block:not([hidden])")] == [
        "Submissions are closed."
    ]


def test_docs_lists_every_option() -> None:
    documented = re.findall(r"^\| `:([a-z]+):` \|", section(), flags=re.MULTILINE)
    assert sorted(documented) == sorted(ImportantDatesDirective.option_spec.converters)

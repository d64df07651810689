"""The sponsors how-to page (docs/howto/sponsors.md): its example builds as documented, its tables
match the code."""

from __future__ import annotations

import re
import shutil

from kit import ROOTS, build, documented, parse_file, warning_lines

from sphinx_workshop.diagnostics import SUBTYPES
from sphinx_workshop.sponsors.directives import SponsorDirective
from sphinx_workshop.sponsors.records import DEFAULT_TIERS

CONF = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'


def section() -> str:
    return documented("sponsors")


def test_docs_examples_build_as_documented(tmp_path) -> None:
    markdown = re.findall(r"^````markdown\n(.*?)^````$", section(), flags=re.DOTALL | re.MULTILINE)
    rst = re.findall(r"^```rst\n(.*?)^```$", section(), flags=re.DOTALL | re.MULTILINE)
    assert len(markdown) == len(rst) == 1
    srcdir = tmp_path / "src"
    (srcdir / "_static" / "sponsors").mkdir(parents=True)
    shutil.copy(
        ROOTS / "test-sponsors-basic" / "_static" / "sponsors" / "acme.svg",
        srcdir / "_static" / "sponsors" / "example.svg",
    )
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text(
        "# Sponsors\n\n```{toctree}\nmore\n```\n\n" + markdown[0], encoding="utf-8"
    )
    (srcdir / "more.rst").write_text("More\n====\n\n" + rst[0], encoding="utf-8")
    app = build(srcdir, tmp_path / "out")
    assert warning_lines(app, src="") == []
    page = parse_file(app.outdir / "index.html")
    assert [h.text for h in page.select(".sw-sponsor-heading")] == ["Platinum sponsors", "Gold sponsors"]
    link = page.select_one('a.sw-sponsor-link[href="https://example.com"]')
    assert link.img["alt"] == "Example Corp logo"
    assert parse_file(app.outdir / "more.html").select_one(".sw-sponsor img")["alt"] == "Example Corp logo"


def test_docs_lists_every_option_tier_and_warning() -> None:
    text = section()
    documented = re.findall(r"^\| `:([a-z]+):` \|", text, flags=re.MULTILINE)
    assert sorted(documented) == sorted(SponsorDirective.option_spec.converters)
    assert str(list(DEFAULT_TIERS)).replace("'", '"') in text
    subtypes = {"sponsor_tier", "sponsor_logo", "bad_url", "unknown_option", "bad_argument", "config"}
    assert subtypes <= SUBTYPES.keys()
    for subtype in subtypes:
        assert f"`workshop.{subtype}`" in text, subtype

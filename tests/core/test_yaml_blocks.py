"""MyST ``---`` option blocks at their edges, read as MyST reads them: an empty block, and a block with no
closing fence (MyST takes the rest of the directive as YAML)."""

from __future__ import annotations

from pathlib import Path

from kit import parse_file, warning_lines

PAGE = """# Blocks

::::{references}
:::{paper} empty
---
---
:title: After an empty block
:::
:::{paper} unclosed
---
title: Unclosed
year: 2020
:::
::::
"""


def test_empty_and_unclosed_option_blocks(make_app, tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text(PAGE, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    assert warning_lines(app) == [
        "<src>/index.md:7: WARNING: the paper directive takes no content; ':title: After an empty "
        "block' and what follows are ignored [workshop.bad_argument]",
        "<src>/index.md:4: WARNING: paper 'empty' has no title; its key is shown instead "
        "[workshop.paper_no_title]",
    ]
    page = parse_file(app.outdir / "index.html")
    titles = [
        li.select_one(".sw-papers-title").get_text() for li in page.select(".sw-papers-references > li")
    ]
    assert titles == ["empty", "Unclosed"]
    assert page.select_one("#paper-unclosed .sw-papers-venue").get_text() == "2020"

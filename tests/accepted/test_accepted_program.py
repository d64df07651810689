"""A paper's slot in the program: the schedule's line naming a paper is linked from the paper's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import build, copy_root, edit, parse_file, rebuild, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

ROOT = "accepted-program"
DASH = "\u2013"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("program")
    return build(copy_root(ROOT, tmp), tmp / "build")


def _slot(app: SphinxTestApp, page: str) -> list[tuple[str, str]]:
    para = soup(app, page).select_one("p.sw-accepted-slot")
    return [] if para is None else [(a.get_text(), a["href"]) for a in para.select("a")]


def test_a_talk_of_a_session_links_its_slot(built: SphinxTestApp) -> None:
    assert warning_lines(built) == []
    assert _slot(built, "papers/paper-p4") == [
        (
            f"Contributed talks, Saturday, December 12, 2020, 10:40{DASH}12:00 (PST)",
            "../program.html#slot-paper-p4",
        )
    ]
    program = soup(built, "program")
    talk = program.select_one("#slot-paper-p4")
    assert talk.name == "li"
    # and the schedule links the paper's page: both ways
    assert talk.select_one("a")["href"] == "papers/paper-p4.html#paper-paper-p4"


def test_a_paper_named_in_an_items_own_text_links_that_row(built: SphinxTestApp) -> None:
    assert _slot(built, "papers/paper-p1") == [
        (
            f"Invited talk: Ann Lee, Saturday, December 12, 2020, 09:15{DASH}10:40 (PST)",
            "../program.html#slot-paper-p1",
        )
    ]
    assert soup(built, "program").select_one("#slot-paper-p1").name == "tr"


def test_a_paper_the_program_does_not_name_shows_no_slot(built: SphinxTestApp) -> None:
    assert _slot(built, "papers/paper-p3") == []
    assert "In the program" not in soup(built, "papers/paper-p3").get_text()


@pytest.mark.parametrize("builder", ["text", "latex", "singlehtml"])
def test_other_builders_show_the_slot(builder: str, tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "out", builder)
    assert warning_lines(app) == []
    out = Path(app.outdir)
    if builder == "text":
        text = (out / "papers" / "paper-p4.txt").read_text()
        assert "**In the program:** Contributed talks, Saturday, December 12, 2020" in text
    elif builder == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert "In the program:" in tex
        # the slot's \hyperref lands on a label, though LaTeX labels no table row or list item
        assert r"\hyperref[\detokenize{program:slot-paper-p4}]" in tex
        assert r"\label{\detokenize{program:slot-paper-p4}}" in tex
    else:
        page = soup(app, "index")
        link = page.select_one("p.sw-accepted-slot a")
        assert link is not None
        assert page.select_one(f"[id='{link['href'].rsplit('#', 1)[-1]}']") is not None


def test_moving_a_talk_rewrites_the_papers_page(tmp_path: Path) -> None:
    def move(src: Path) -> None:
        edit(src / "program.md", "10:40 | Contributed talks", "11:00 | Contributed talks")

    result = rebuild(ROOT, tmp_path, move)
    assert result.read == ["program"]
    assert {"papers/paper-p4", "papers/paper-p5"} <= result.written
    assert f"11:00{DASH}12:00" in _slot(result.incremental, "papers/paper-p4")[0][0]
    from kit import bodies

    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))
    # the head of a page written again without being read: its metadata from what the page read
    heads = []
    for app in (result.incremental, result.clean):
        page = parse_file(Path(app.outdir, "papers", "paper-p4.html"))
        tags = [(meta["name"], meta["content"]) for meta in page.select('meta[name^="citation_"]')]
        heads.append((tags, [s.get_text() for s in page.select('script[type="application/ld+json"]')]))
    assert heads[0] == heads[1]
    assert heads[0][0][0][0] == "citation_title"
    assert '"abstract"' in heads[0][1][0]


def test_a_schedule_in_rst_links_slots_too(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / "program.md").unlink()
    (src / "program.rst").write_text(
        "Program\n=======\n\n.. schedule::\n   :date: 2020-12-12\n   :timezone: UTC\n\n"
        "   10:00 | Talks\n     - :paper:`paper-p5`\n",
        encoding="utf-8",
    )
    app = build(src, tmp_path / "out")
    assert warning_lines(app) == []
    assert _slot(app, "papers/paper-p5") == [
        (f"Talks, Saturday, December 12, 2020, 10:00{DASH}10:30 (UTC)", "../program.html#slot-paper-p5")
    ]

"""A set's extras file (poster, slides, video, code, award, session by paper id) and the same columns in
the export itself: links and award on the paper's page, a session that regroups the index, every bad
input located at the extras file's line, and an edited row rewriting only its paper's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import bodies, build, copy_root, documented, edit, rebuild, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.accepted import read_export
from sphinx_workshop.accepted.extras import PaperExtras, read_extras
from sphinx_workshop.accepted.records import Extras

ROOT = "accepted-extras"
DATA = Path(__file__).parent / "data"
EXTRAS = "exports/extras.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("extras")
    return build(copy_root(ROOT, tmp), tmp / "build")


def _links(app: SphinxTestApp, page: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup(app, page).select("a.sw-accepted-link")]


def _groups(app: SphinxTestApp) -> list[tuple[str, list[str]]]:
    index = soup(app, "accepted").select_one("div.sw-accepted-index")
    return [
        (
            rubric.get_text(),
            [a.get_text() for a in rubric.find_next_sibling("ul").select("p.sw-accepted-title a")],
        )
        for rubric in index.select("p.sw-accepted-group")
    ]


def test_the_extras_file_is_read_with_its_bom_and_crlf() -> None:
    source = Path(__file__).parents[1] / "roots" / f"test-{ROOT}" / EXTRAS
    assert source.read_bytes().startswith(b"\xef\xbb\xbfID,") and b"\r\n" in source.read_bytes()
    found = read_extras(source)
    assert found.problems == ()
    assert found.rows == (
        PaperExtras(
            "p1",
            Extras(
                poster="https://example.org/p1-poster.pdf",
                slides="https://example.org/p1-slides.pdf",
                video="https://video.example.org/p1",
                award="Best Paper",
            ),
            "",
            2,
            str(source),
        ),
        PaperExtras("p2", Extras(code="https://github.com/example/p2"), "", 3, str(source)),
        PaperExtras("p3", Extras(), "Morning", 4, str(source)),
    )


def test_links_and_award_show_on_the_paper_page(built: SphinxTestApp) -> None:
    assert warning_lines(built) == []
    assert _links(built, "papers/paper-p1") == [
        ("PDF", "https://example.org/p1.pdf"),
        ("Code", "https://example.org/export/p1"),  # the export's own column, the extras cell empty
        ("Poster", "https://example.org/p1-poster.pdf"),
        ("Slides", "https://example.org/p1-slides.pdf"),
        ("Video", "https://video.example.org/p1"),
    ]
    facts = soup(built, "papers/paper-p1").select_one(".sw-accepted-facts")
    assert facts.get_text() == "Accept (Oral) · Session: Morning · Award: Best Paper"
    assert facts.select_one("span.sw-accepted-award").get_text() == "Award: Best Paper"
    assert soup(built, "papers/paper-p1").select("iframe, video, embed, object") == []
    assert _links(built, "papers/paper-p2") == [("Code", "https://github.com/example/p2")]
    award = soup(built, "papers/paper-p2").select_one("span.sw-accepted-award")
    assert award.get_text() == "Award: Honourable Mention"  # the export's own award column
    assert soup(built, "papers/paper-p4").select("a.sw-accepted-link, .sw-accepted-award") == []


def test_a_session_of_the_extras_file_regroups_the_index(built: SphinxTestApp) -> None:
    assert _groups(built) == [
        ("Morning", ["Tail Latency Prediction", "Learned Schedulers", "Compilers That Learn"]),
        ("Afternoon", ["Caches Reconsidered"]),
    ]
    page = soup(built, "papers/paper-p3")
    assert page.select_one(".sw-accepted-facts").get_text() == "Accept (Poster) · Session: Morning"
    assert [a.get_text() for a in page.select(".sw-accepted-nav a")] == ["Previous: Learned Schedulers"]


def test_a_myst_only_project_shows_the_extras(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    for name in ("index.rst", "accepted.rst"):
        (src / name).unlink()
    (src / "index.md").write_text("# Systems\n\n```{toctree}\naccepted\n```\n", encoding="utf-8")
    (src / "accepted.md").write_text("# Accepted\n\n```{accepted-papers} papers\n```\n", encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('source_suffix = {".md": "markdown"}\n')
    app = build(src, tmp_path / "build")
    assert warning_lines(app) == []
    assert (src / "papers" / "paper-p1.swpaper").is_file()
    assert [label for label, _url in _links(app, "papers/paper-p1")] == [
        "PDF",
        "Code",
        "Poster",
        "Slides",
        "Video",
    ]
    assert soup(app, "papers/paper-p1").select_one("span.sw-accepted-award").get_text() == "Award: Best Paper"
    assert _groups(app)[0][1][-1] == "Compilers That Learn"


BAD_ROWS = (
    "id,poster,slides,video,code,award,session,notes\r\n"
    "p1,javascript:alert(1),,,https://example.org/c1,,,\r\n"
    "p9,https://example.org/p9.pdf,,,,,,\r\n"
    "p5,https://example.org/p5.pdf,,,,,,\r\n"
    "p1,,,,,Second,,\r\n"
    "p2,too,few\r\n"
    ",https://example.org/x,,,,,,\r\n"
    "p3,,,,,,Evening,\r\n"
)


def test_every_bad_row_is_located_and_the_rest_applied(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / EXTRAS).write_bytes(BAD_ROWS.encode("utf-8"))
    app = build(src, tmp_path / "build")
    where = f"<src>/{EXTRAS}"
    assert sorted(warning_lines(app)) == [
        f'{where}:1: WARNING: The extras file\'s column "notes" is not one of id, poster, slides, video, '
        "code, award, session; it is ignored. [workshop.extras_column]",
        f'{where}:2: WARNING: Line 2 (paper p1), column "poster": "javascript:alert(1)" is not an absolute '
        "http(s) link; the paper is shown without it. [workshop.extras_value]",
        f'{where}:3: WARNING: Line 3: no accepted paper of the export has the id "p9"; the row is skipped. '
        "[workshop.extras_unknown]",
        f'{where}:4: WARNING: Line 4: no accepted paper of the export has the id "p5"; the row is skipped. '
        "[workshop.extras_unknown]",
        f"{where}:5: WARNING: Line 5 (paper p1) repeats the id of line 2; the later row is skipped. "
        "[workshop.extras_row]",
        f"{where}:6: WARNING: Line 6 has 3 fields where the header has 8; the row is skipped. "
        "[workshop.extras_row]",
        f"{where}:7: WARNING: Line 7 has no id; the row is skipped. [workshop.extras_row]",
    ]
    assert _links(app, "papers/paper-p1") == [
        ("PDF", "https://example.org/p1.pdf"),
        ("Code", "https://example.org/c1"),
    ]
    assert soup(app, "papers/paper-p1").select(".sw-accepted-award") == []  # the duplicate row's
    assert "javascript" not in soup(app, "papers/paper-p1").decode()
    assert _groups(app) == [
        ("Morning", ["Tail Latency Prediction", "Learned Schedulers"]),
        ("Evening", ["Compilers That Learn"]),
        ("Afternoon", ["Caches Reconsidered"]),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            None,
            "<src>/exports/extras.csv:: WARNING: The extras file cannot be read (No such file or directory); "
            "no extras are applied. [workshop.extras_file]",
        ),
        (
            b"id,award\np1,Best \xff Paper\n",
            "<src>/exports/extras.csv:2: WARNING: The byte at offset 17 (line 2) is not valid UTF-8; no "
            "extras are applied. Save the file as UTF-8. [workshop.extras_file]",
        ),
        (
            b"paper,award\np1,Best Paper\n",
            '<src>/exports/extras.csv:1: WARNING: The extras file has no "id" column (it has "paper", '
            '"award"); no extras are applied. [workshop.extras_column]',
        ),
        (
            b'id,award\np1,"' + b"x" * 200_000 + b'"\n',
            "<src>/exports/extras.csv:2: WARNING: The file is not well-formed CSV at line 2 (field larger "
            "than field limit (131072)); nothing was read from it. [workshop.extras_file]",
        ),
        (b"id,award", None),  # the header alone, without a newline: no rows, nothing to say
    ],
    ids=["missing", "undecodable", "no-id-column", "not-csv", "header-only"],
)
def test_an_unreadable_extras_file_is_located_and_the_export_shown(
    content: bytes | None, expected: str | None, tmp_path: Path
) -> None:
    src = copy_root(ROOT, tmp_path)
    if content is None:
        (src / EXTRAS).unlink()
    else:
        (src / EXTRAS).write_bytes(content)
    app = build(src, tmp_path / "build")
    assert warning_lines(app) == ([expected] if expected else [])
    assert _links(app, "papers/paper-p1") == [
        ("PDF", "https://example.org/p1.pdf"),
        ("Code", "https://example.org/export/p1"),
    ]
    assert _groups(app)[1] == ("Afternoon", ["Compilers That Learn", "Caches Reconsidered"])


def test_the_exports_own_columns_are_read_by_miniconf_too(tmp_path: Path) -> None:
    path = tmp_path / "papers.csv"
    path.write_text(
        "UID,title,authors,sessions,pdf_url,poster,slides,video,code,award\n"
        "A1,Fast Things,Ann Lee,S1,https://example.org/a1.pdf,https://example.org/a1-poster.pdf,"
        "https://example.org/a1-slides.pdf,https://youtu.be/a1,ftp://example.org/a1.tar,Best Paper\n",
        encoding="utf-8",
    )
    export = read_export(path)
    assert export.papers[0].extras == Extras(
        poster="https://example.org/a1-poster.pdf",
        slides="https://example.org/a1-slides.pdf",
        video="https://youtu.be/a1",
        award="Best Paper",
    )
    assert [(p.subtype, p.row, p.message) for p in export.problems] == [
        (
            "export_value",
            2,
            'Line 2 (paper A1): the code link "ftp://example.org/a1.tar" is not an absolute http(s) link; '
            "the paper is shown without it.",
        )
    ]


def test_editing_one_extras_row_rewrites_only_that_papers_page(tmp_path: Path) -> None:
    def change(src: Path) -> None:
        edit(src / EXTRAS, "https://github.com/example/p2", "https://github.com/example/p2-v2")

    result = rebuild(ROOT, tmp_path, change)
    assert result.read == ["papers/paper-p2"]
    assert _links(result.incremental, "papers/paper-p2") == [("Code", "https://github.com/example/p2-v2")]
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))


def test_a_session_edited_in_the_extras_file_reads_the_index_again(tmp_path: Path) -> None:
    def change(src: Path) -> None:
        edit(src / EXTRAS, "p3,,,,,,Morning", "p3,,,,,,Evening")

    result = rebuild(ROOT, tmp_path, change)
    # the paper, its former neighbour in Morning, and the index; the export was not touched
    assert sorted(result.read) == ["accepted", "papers/paper-p2", "papers/paper-p3"]
    assert _groups(result.incremental)[1] == ("Evening", ["Compilers That Learn"])
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))


def test_the_readme_extras_example_applies_to_the_readme_export(tmp_path: Path) -> None:
    import re

    from kit import ROOTS

    from sphinx_workshop.accepted.extras import apply_extras

    section = documented("accepted")
    example = re.search(r"^````csv\n(.*?)^````$", section, flags=re.M | re.S)
    assert example is not None
    path = tmp_path / "extras.csv"
    path.write_text(example[1], encoding="utf-8")
    found = read_extras(path)
    export = read_export(ROOTS / "test-accepted-site" / "exports" / "accepted.csv")
    papers, unknown = apply_extras(export.papers, found)
    assert found.problems == () and unknown == ()
    by_id = {paper.id: paper for paper in papers}
    assert by_id["p1"].extras.award == "Best Paper"
    assert (by_id["p4"].session, by_id["p4"].extras.code) == ("Afternoon", "https://github.com/example/p4")


def test_the_labels_are_translated(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('language = "de"\n')
    app = build(src, tmp_path / "build")
    assert [label for label, _url in _links(app, "papers/paper-p1")] == [
        "PDF",
        "Code",
        "Poster",
        "Folien",
        "Video",
    ]
    assert (
        soup(app, "papers/paper-p1").select_one(".sw-accepted-award").get_text() == "Auszeichnung: Best Paper"
    )


def test_an_edited_extras_file_is_warned_about_again_and_only_then(tmp_path: Path) -> None:
    def change(src: Path) -> None:
        edit(src / EXTRAS, "https://github.com/example/p2", "javascript:alert(2)")

    result = rebuild(ROOT, tmp_path, change)
    assert [line for line in warning_lines(result.incremental) if "workshop." in line] == [
        f'<src>/{EXTRAS}:3: WARNING: Line 3 (paper p2), column "code": "javascript:alert(2)" is not an '
        "absolute http(s) link; the paper is shown without it. [workshop.extras_value]"
    ]
    assert result.read == ["papers/paper-p2"]
    assert _links(result.incremental, "papers/paper-p2") == []
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    from kit import pages

    serial = build(copy_root(ROOT, tmp_path / "a"), tmp_path / "serial")
    app = build(copy_root(ROOT, tmp_path / "b"), tmp_path / "parallel", parallel=2)
    assert pages(app.outdir) == pages(serial.outdir)

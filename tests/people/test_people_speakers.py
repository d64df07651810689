"""Speakers: the ``speakers`` grid, a speaker's talk (title, abstract, bio) and its links with the schedule.

The schedule's line naming a speaker with ``{person}`` links the card; the card links back to each such
line ("Talk: <title>, Saturday, December 12, 2020, 09:15 to 09:50 (PST)"), in MyST and rST, in serial and
parallel builds, and a moved talk rewrites the card's page without reading it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import bodies, build, copy_root, edit, parse_file, rebuild, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

ROOT = "people-speakers"
DASH = "\u2013"
DAY = "Saturday, December 12, 2020"
W = "WARNING:"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("speakers")
    return build(copy_root(ROOT, tmp), tmp / "build")


def _talk(app: SphinxTestApp, anchor: str, page: str = "speakers") -> list[tuple[str, str]]:
    """The talk line of a card: its text, and each link's text and address."""
    card = soup(app, page).select_one(f"#{anchor}")
    talk = card.select_one("p.sw-person-talk")
    if talk is None:
        return []
    return [(talk.get_text(), "")] + [(a.get_text(), a["href"]) for a in talk.select("a")]


def test_the_speakers_grid_holds_the_cards(built: SphinxTestApp) -> None:
    assert warning_lines(built) == []
    grids = soup(built, "speakers").select("div.sw-person-grid")
    assert len(grids) == 1 and "sw-speaker-grid" in grids[0]["class"]
    cards = grids[0].select(":scope > div.sw-person-card.sw-person-speaker")
    assert [card["id"] for card in cards] == [
        "person-christina-delimitrou",
        "person-benoit-steiner",
        "person-ed-chi",
        "person-kunle-olukotun",
        "person-justin-gottschlich",
    ]


def test_a_card_shows_title_slot_abstract_and_bio_in_order(built: SphinxTestApp) -> None:
    card = soup(built, "speakers").select_one("#person-christina-delimitrou")
    parts = [child["class"][0] for child in card.find_all(recursive=False)]
    assert parts == [
        "sw-person-avatar",
        "sw-person-name",
        "sw-person-affiliation",
        "sw-person-talk",
        "sw-person-abstract",
        "sw-person-bio",
    ]
    abstract = card.select_one(".sw-person-abstract")
    assert [p.get_text() for p in abstract.select("p")] == [
        "Abstract",
        "How learning schedules a cluster.",
        "A second paragraph of the abstract.",
    ]
    assert abstract.select_one("em").get_text() == "schedules"  # the abstract is MyST
    assert card.select_one(".sw-person-bio").get_text(" ", strip=True) == "Works on cloud systems ."
    assert "Abstract" not in card.select_one(".sw-person-bio").get_text()


def test_the_card_links_each_slot_of_its_speaker(built: SphinxTestApp) -> None:
    first = f"Learned cluster managers, {DAY}, 09:15{DASH}09:50 (PST)"
    second = f"Learned cluster managers, {DAY}, 10:25{DASH}11:00 (PST)"
    assert _talk(built, "person-christina-delimitrou") == [
        (f"Talk: {first}; {second}", ""),
        (first, "program.html#slot-christina-delimitrou"),
        # a sub-item names her again, in another case: the same person, a second slot
        (second, "program.html#slot-christina-delimitrou-2"),
    ]
    title = "Value Function Based Performance Optimization of Deep Learning Workloads"
    assert _talk(built, "person-benoit-steiner")[1:] == [
        (f"{title}, {DAY}, 09:50{DASH}10:25 (PST)", "program.html#slot-benoit-steiner")
    ]


def test_without_a_title_the_link_is_the_moment(built: SphinxTestApp) -> None:
    assert _talk(built, "person-ed-chi")[1:] == [
        (f"{DAY}, 10:25{DASH}11:00 (PST)", "program.html#slot-ed-chi")
    ]


def test_a_title_without_a_slot_is_shown_unlinked_and_no_talk_shows_nothing(built: SphinxTestApp) -> None:
    assert _talk(built, "person-justin-gottschlich") == [("Talk: Machine programming", "")]
    assert _talk(built, "person-kunle-olukotun") == []


def test_the_schedule_links_the_cards(built: SphinxTestApp) -> None:
    program = soup(built, "program")
    row = program.select_one("#slot-christina-delimitrou")
    assert row.name == "tr"
    assert row.select_one("a")["href"] == "speakers.html#person-christina-delimitrou"
    talk = program.select_one("#slot-christina-delimitrou-2")
    assert talk.name == "li" and talk.select_one("a")["href"] == "speakers.html#person-christina-delimitrou"


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    serial = build(src, tmp_path / "serial")
    parallel = build(src, tmp_path / "parallel", parallel=2)
    assert warning_lines(serial) == warning_lines(parallel) == []
    assert bodies(Path(parallel.outdir)) == bodies(Path(serial.outdir))


def test_moving_a_talk_rewrites_the_cards_page(tmp_path: Path) -> None:
    def move(src: Path) -> None:
        edit(src / "program.md", "09:15 | Invited talk", "09:20 | Invited talk")

    result = rebuild(ROOT, tmp_path, move)
    assert result.read == ["program"]
    assert "speakers" in result.written
    assert f"09:20{DASH}09:50" in _talk(result.incremental, "person-christina-delimitrou")[1][0]
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))


def test_removing_a_talk_from_the_schedule_unlinks_the_card(tmp_path: Path) -> None:
    def remove(src: Path) -> None:
        edit(src / "program.md", "09:50 | Invited talk: {person}`Benoit Steiner`\n", "")

    result = rebuild(ROOT, tmp_path, remove)
    assert "speakers" in result.written
    title = "Value Function Based Performance Optimization of Deep Learning Workloads"
    assert _talk(result.incremental, "person-benoit-steiner") == [(f"Talk: {title}", "")]
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))


RST = """\
Invited speakers
================

.. speakers::

   .. speaker:: Christina Delimitrou
      :affiliation: Cornell University
      :talk: Learned cluster managers

      .. talk-abstract::

         How learning *schedules* a cluster.

      Works on **cloud systems**.

   .. speaker:: Ed Chi
"""


def test_speakers_in_rst(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / "speakers.md").unlink()
    (src / "speakers.rst").write_text(RST, encoding="utf-8")
    edit(src / "program.md", "  - {person}`Ed Chi`\n", "")
    edit(src / "program.md", "{person}`Benoit Steiner`", "Benoit Steiner")
    app = build(src, tmp_path / "out")
    assert warning_lines(app) == []
    grid = soup(app, "speakers").select_one("div.sw-person-grid.sw-speaker-grid")
    card = grid.select_one("#person-christina-delimitrou")
    assert card.select_one(".sw-person-abstract em").get_text() == "schedules"
    assert card.select_one(".sw-person-bio strong").get_text() == "cloud systems"
    assert [a["href"] for a in card.select("p.sw-person-talk a")] == [
        "program.html#slot-christina-delimitrou",
        "program.html#slot-christina-delimitrou-2",
    ]
    assert _talk(app, "person-ed-chi") == []


def test_the_text_builder_prints_the_talk(tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "out", "text")
    assert warning_lines(app) == []
    text = " ".join((Path(app.outdir) / "speakers.txt").read_text(encoding="utf-8").split())
    assert f"**Talk:** Learned cluster managers, {DAY}, 09:15{DASH}09:50 (PST)" in text
    assert "How learning *schedules* a cluster." in text


def test_latex_and_singlehtml_links_land(tmp_path: Path) -> None:
    import re

    latex = build(copy_root(ROOT, tmp_path / "a"), tmp_path / "latex", "latex")
    assert warning_lines(latex) == []
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Talk:" in tex and "Abstract" in tex
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert {"program:slot-christina-delimitrou-2", "speakers:person-ed-chi"} <= refs
    assert refs <= labels, refs - labels
    single = build(copy_root(ROOT, tmp_path / "b"), tmp_path / "single", "singlehtml")
    assert warning_lines(single) == []
    page = soup(single, "index")
    links = page.select("p.sw-person-talk a")
    assert len(links) == 4
    assert all(page.find(id=link["href"].rsplit("#", 1)[-1]) is not None for link in links)


def test_the_talk_line_is_translated(tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "out", confoverrides={"language": "de"})
    assert warning_lines(app) == []
    card = soup(app, "speakers").select_one("#person-christina-delimitrou")
    assert (
        card.select_one("p.sw-person-talk")
        .get_text()
        .startswith("Vortrag: Learned cluster managers, Samstag, 12. Dezember 2020, 09:15")
    )
    assert card.select_one(".sw-person-abstract strong").get_text() == "Zusammenfassung"


BAD_MD = """\
# Bad speakers

:::{speaker} Ann <b>Lee</b>
:talk: *Not emphasis* <script>x</script>
:abstract: a paragraph
:::

:::{speaker} Bo Chen
:talk:
:::

:::{organizer} Cy Dee
:talk: Organizers give no talk
:::

```{talk-abstract}
An abstract outside any card.
```

:::{speaker} Di Ek

```{talk-abstract}
```
:::
"""

BAD_RST = """\
Bad speakers
============

.. speaker:: Ann <b>Lee</b>
   :talk: *Not emphasis* <script>x</script>
   :abstract: a paragraph

.. speaker:: Bo Chen
   :talk:

.. organizer:: Cy Dee
   :talk: Organizers give no talk

.. talk-abstract::

   An abstract outside any card.

.. speaker:: Di Ek

   .. talk-abstract::
"""


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [("bad.md", BAD_MD, (5, 9, 13, 16, 22)), ("bad.rst", BAD_RST, (6, 9, 12, 14, 20))],
)
def test_bad_input_warns_at_its_line(tmp_path: Path, name: str, text: str, lines: tuple[int, ...]) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / name).write_text(text, encoding="utf-8")
    edit(src / "index.md", "speakers\n```", f"speakers\n{name.split('.')[0]}\n```")
    app = build(src, tmp_path / "out")
    known = "affiliation, photo, twitter, homepage, github, scholar, mastodon, bluesky, orcid, linkedin"
    abstract, empty_talk, organizer_talk, outside, empty = lines
    assert warning_lines(app) == [
        f"<src>/{name}:{abstract}: {W} unknown option :abstract: of the speaker directive (known: {known}, "
        "talk); it is ignored [workshop.unknown_option]",
        f"<src>/{name}:{empty_talk}: {W} empty :talk: for 'Bo Chen'; no title is shown [workshop.bad_option]",
        f"<src>/{name}:{organizer_talk}: {W} unknown option :talk: of the organizer directive "
        f"(known: {known}); it is ignored [workshop.unknown_option]",
        f"<src>/{name}:{outside}: {W} the talk-abstract directive belongs in the body of a speaker card; "
        "it is shown where it is [workshop.misplaced]",
        f"<src>/{name}:{empty}: {W} the talk-abstract directive has no content; it is left out "
        "[workshop.bad_argument]",
    ]
    page = parse_file(Path(app.outdir) / name.replace(name.split(".")[1], "html"))
    ann = page.select_one("#person-ann-b-lee-b")
    # the title is text, as the name is: escaped, never markup
    assert ann.select_one("p.sw-person-talk").get_text() == "Talk: *Not emphasis* <script>x</script>"
    assert ann.select_one("script") is None and ann.select_one("em") is None
    assert page.select_one("#person-bo-chen p.sw-person-talk") is None
    assert page.select_one("#person-cy-dee p.sw-person-talk") is None
    assert page.select_one(".sw-person-abstract").get_text(" ", strip=True) == (
        "Abstract An abstract outside any card."
    )


def test_an_empty_talk_of_a_card_without_a_name(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / "nameless.md").write_text("# Nameless\n\n:::{speaker}\n:talk:\n:::\n", encoding="utf-8")
    edit(src / "index.md", "speakers\n```", "speakers\nnameless\n```")
    app = build(src, tmp_path / "out")
    assert warning_lines(app) == [
        f"<src>/nameless.md:3: {W} speaker card without a name (give it as the directive's argument); it is "
        "shown without one and cannot be linked to [workshop.missing_name]",
        f"<src>/nameless.md:4: {W} empty :talk: for a card without a name; no title is shown "
        "[workshop.bad_option]",
    ]


def test_a_talk_with_no_end_shows_its_start_alone(tmp_path: Path) -> None:
    """A last item whose 30 minutes would leave the calendar (year 9999) has no end: its moment is the
    start alone, on the card as in the schedule."""
    src = copy_root(ROOT, tmp_path)
    schedule = ":::{schedule}\n:date: 9999-12-31\n:timezone: UTC\n\n23:40 | Closing: {person}`Ed Chi`\n:::\n"
    (src / "program.md").write_text((src / "program.md").read_text(encoding="utf-8") + "\n" + schedule)
    app = build(src, tmp_path / "build")
    assert [line for line in warning_lines(app, src="") if "9999" in line] == [
        "program.md:20: WARNING: 30 minutes after 9999-12-31T23:40:00+00:00 is outside the calendar (year "
        "9999); the item has no end and no calendar event [workshop.bad_time]"
    ]
    assert _talk(app, "person-ed-chi")[1:] == [
        (f"{DAY}, 10:25{DASH}11:00 (PST)", "program.html#slot-ed-chi"),
        ("Friday, December 31, 9999, 23:40 (UTC)", "program.html#slot-ed-chi-2"),
    ]

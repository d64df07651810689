"""The people how-to page (docs/howto/people.md): its example builds as documented, its tables match
the code."""

from __future__ import annotations

import re

from kit import build, documented, parse_file, warning_lines

from sphinx_workshop.diagnostics import SUBTYPES
from sphinx_workshop.people.directives import SpeakerDirective

CONF = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'


def section() -> str:
    return documented("people")


def example() -> str:
    blocks = re.findall(r"^````markdown\n(.*?)^````$", section(), flags=re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1
    return blocks[0]


def test_docs_example_builds_as_documented(tmp_path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text("# Committee\n\n" + example(), encoding="utf-8")
    app = build(srcdir, tmp_path / "out")
    assert warning_lines(app, src="") == []
    soup = parse_file(app.outdir / "index.html")
    assert [card["id"] for card in soup.select("div.sw-person-grid > div.sw-person-card")] == [
        "person-anna-goldie",
        "person-azalia-mirhoseini",
        "person-ed-chi",
        "person-lin-example",
    ]
    speakers = soup.select("div.sw-speaker-grid > div.sw-person-card.sw-person-speaker")
    assert [card["id"] for card in speakers] == ["person-ed-chi", "person-lin-example"]
    lin = speakers[1]
    assert lin.select_one("p.sw-person-talk").get_text() == "Talk: Learned cluster managers"
    assert [b.get_text() for b in lin.select(".sw-person-abstract strong")] == ["Abstract", "cluster"]
    assert lin.select_one(".sw-person-bio").get_text(strip=True) == "Builds cluster schedulers."
    twitter = soup.select_one("#person-anna-goldie a.sw-person-twitter")
    # the README quotes this accessible name
    assert f'aria-label="{twitter["aria-label"]}"' in section()
    assert len(soup.select("#person-azalia-mirhoseini .sw-person-links a")) == 8
    assert [a["href"] for a in soup.select("a.reference.internal:has(.people-person)")] == [
        "#person-anna-goldie",
        "#person-azalia-mirhoseini",
    ]


def test_docs_lists_every_option_and_warning() -> None:
    text = section()
    documented = re.findall(r"^\| `:([a-z]+):` \|", text, flags=re.MULTILINE)
    assert sorted(documented) == sorted(SpeakerDirective.option_spec.converters)
    people_subtypes = {
        "bad_handle",
        "bad_url",
        "duplicate_person",
        "missing_name",
        "person_unknown",
        "photo_missing",
        "photo_outside",
        "unknown_option",
    }
    assert people_subtypes <= SUBTYPES.keys()
    for subtype in people_subtypes:
        assert f"`workshop.{subtype}`" in text, subtype

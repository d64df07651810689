"""Class 5 of issue 13: the extension's ids are unique by construction.

``tests/roots/test-hostile-anchors``: two people whose names fold to the same ASCII (``Jun Wang (王军)``
and ``Jun Wang (王俊)``), headings and a label whose ids are a card's, a paper's or a citation
place's, and pages whose names differ only by punctuation or case (``a_b``, ``a-b``, ``A-B``), whose
citation places share one page in singlehtml.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hostilekit import Build, assert_warnings, build_every_way

from sphinx_workshop.people import anchor_for

ROOT = "hostile-anchors"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_about_each_reserved_id(results) -> None:
    assert_warnings(results, ROOT)


@pytest.mark.parametrize("builder", ["html", "html-j2", "dirhtml", "singlehtml"])
def test_ids_are_unique_and_links_land(results, builder) -> None:
    result = results[builder]
    for page in result.outdir.rglob("*.html"):
        soup = result.soup(str(page.relative_to(result.outdir)))
        ids = Counter(tag["id"] for tag in soup.select("[id]"))
        assert [i for i, n in ids.items() if n > 1] == [], page
    index = "index.html"
    soup = result.soup(index)
    first, second = anchor_for("Jun Wang (王军)"), anchor_for("Jun Wang (王俊)")
    assert first != second
    assert soup.select_one(f"div.sw-person-card#{first}").get_text().count("First Lab") == 1
    assert soup.select_one(f"div.sw-person-card#{second}").get_text().count("Second Lab") == 1
    links = [
        a["href"].rsplit("#", 1)[-1] for a in soup.select("a.reference.internal") if "#person-" in a["href"]
    ]
    assert links[:2] == [first, second]
    assert soup.select_one("li#paper-good") is not None
    assert soup.select_one("section#h-paper-good") is not None


def test_singlehtml_citation_places_stay_apart(results) -> None:
    soup = results["singlehtml"].soup("index.html")
    entry = soup.select_one("li#paper-good")
    backlinks = [a["href"].rsplit("#", 1)[-1] for a in entry.select(".sw-papers-backlinks a")]
    # index ({paper}), a_b, a-b, A-B and rst: one place each, five ids
    assert len(backlinks) == 5 and len(set(backlinks)) == 5
    for target in backlinks:
        assert soup.find(id=target) is not None

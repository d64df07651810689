# ruff: noqa: RUF001 - the expected output has typographic dashes
"""Named entry styles: ``papers_style``, a list's ``:entry-style:``, a user's registered style."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-styles")


def _items(app) -> dict[str, str]:
    # the entry itself: a list of inline papers also holds each one's BibTeX (cite this)
    return {
        li["id"]: li.select_one(".sw-papers-entry").get_text()
        for li in soup(app).select(".sw-papers-references > li")
    }


def test_warnings(html) -> None:
    assert warning_lines(html) == [
        "<src>/index.md:25: WARNING: unknown :entry-style: 'chicago' (registered: title-first, "
        "author-first, key-and-title, broken); using the project's papers_style [workshop.bad_option]",
        "<src>/index.md:31: WARNING: entry style 'broken' failed on paper 'userbug' (KeyError('oops')); "
        "the default style is used [workshop.config]",
    ]


def test_author_first_is_the_projects_style(html) -> None:
    items = _items(html)
    assert items["paper-mao2019"] == (
        "Hongzi Mao, Malte Schwarzkopf, and Mohammad Alizadeh. 2019. Learning Scheduling Algorithms for Data "
        "Processing Clusters. In Proceedings of the ACM Special Interest Group on Data Communication, "
        "SIGCOMM '19, pp. 270–288, ACM, New York, NY, USA. https://doi.org/10.1145/3341302.3342080"
    )
    assert (
        items["paper-kraska"]
        == "Tim Kraska. 2021. Towards Instance-Optimized Data Systems. Proc. VLDB Endow. 14, 12."
    )
    venue = soup(html).select_one("#paper-mao2019 .sw-papers-venue")
    assert (
        venue.select_one("em").get_text()
        == "Proceedings of the ACM Special Interest Group on Data Communication"
    )
    assert items["paper-mao2019d"] == items["paper-mao2019"].replace(
        "mao2019", "mao2019d"
    )  # unknown: project's


def test_title_first_on_one_list(html) -> None:
    assert _items(html)["paper-kraskab"] == (
        "Towards Instance-Optimized Data Systems. Tim Kraska. Proc. VLDB Endow., vol. 14, no. 12, 2021."
    )


def test_a_users_style(html) -> None:
    items = _items(html)
    assert items["paper-mao2019c"] == "[mao2019c] Learning Scheduling Algorithms for Data Processing Clusters"
    assert items["paper-userbug"] == "A Paper Shown Despite a Broken Style. 2020."


def test_styles_in_latex(build_once) -> None:
    tex = next(build_once("papers-styles", "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert (
        r"\DUrole{sw-papers-venue}{In \sphinxstyleemphasis{Proceedings of the ACM Special Interest "
        r"Group" in tex
    )
    assert "{[}mao2019c{]} " in tex  # LaTeX-escaped brackets


def test_unknown_papers_style_falls_back(build_once) -> None:
    app = build_once("papers-styles", confoverrides={"papers_style": "nosuch"})
    assert warning_lines(app)[0] == (
        "WARNING: invalid value 'nosuch' for papers_style (expected a registered entry style); "
        "using the default 'title-first' [workshop.config]"
    )
    assert _items(app)["paper-kraska"] == _items(app)["paper-kraskab"].replace("kraskab", "kraska")

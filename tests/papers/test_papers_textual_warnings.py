"""Bad input to the textual and footnote citations: located warnings in MyST and rST; the rest renders."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def app(build_once):
    return build_once("papers-textual-bad")


def test_each_bad_input_is_a_located_warning(app) -> None:
    assert sorted(warning_lines(app)) == sorted(
        [
            "<src>/index.md:3: WARNING: unknown paper key 'nosuchkey' in {cite:t} [workshop.cite_unknown]",
            "<src>/index.md:3: WARNING: unknown paper key 'nosuchkey' in {cite:p} [workshop.cite_unknown]",
            "<src>/index.md:5: WARNING: empty note {} in {cite:p}`{}known2020{p. 3}` [workshop.cite_note]",
            "<src>/index.md:7: WARNING: unbalanced braces in {cite:t}`{see known2020`; "
            "its notes are left out "
            "[workshop.cite_note]",
            # where the key ends is not known: the text is no key, and no word of it is taken for one
            "<src>/index.md:7: WARNING: unknown paper key '{see known2020' in {cite:t}; "
            "did you mean 'known2020'? [workshop.cite_unknown]",
            "<src>/index.md:9: WARNING: unknown paper key 'nosuchkey' in {footcite} [workshop.cite_unknown]",
            "<src>/index.md:11: WARNING: {footcite}`known2020` cannot show a footnote in a title; "
            "the keys are shown as text [workshop.footcite_place]",
            "<src>/index.md:15: WARNING: empty key in {cite:t}`known2020,,` [workshop.cite_empty]",
            "<src>/bad.rst:4: WARNING: unknown paper key 'nosuchkey' in {cite:t} [workshop.cite_unknown]",
            "<src>/bad.rst:6: WARNING: empty note {} in {cite:p}`known2020{}` [workshop.cite_note]",
            "<src>/bad.rst:8: WARNING: unknown paper key 'nosuchkey' in {footcite} [workshop.cite_unknown]",
            "<src>/bad.rst:10: WARNING: {footcite}`known2020` cannot show a footnote in a title; "
            "the keys are shown as text [workshop.footcite_place]",
            # {paper} names one paper: a comma is part of its one key, which no paper has
            "<src>/index.md:25: WARNING: unknown paper key 'known2020,other' in {paper}; "
            "did you mean 'known2020'? [workshop.cite_unknown]",
            "<src>/bad.rst:15: WARNING: unknown paper key 'known2020,other' in {paper}; "
            "did you mean 'known2020'? [workshop.cite_unknown]",
        ]
    )


@pytest.mark.parametrize("page", ["index", "bad"])
def test_the_rest_renders(app, page: str) -> None:
    main = soup(app, page).select_one("[role=main]")
    text = " ".join(main.get_text().split())
    assert "Still renders" in text
    assert "nosuchkey" in text  # an unknown key shows as written
    # the good citation beside a bad one still links to its entry
    assert main.select("span.sw-papers-cite-p a[href$='#paper-known2020']")
    # a {paper} target holding a comma cites no paper
    (comma,) = [p for p in main.select("p") if p.get_text().startswith("A target with a comma")]
    assert comma.select("a") == []


def test_a_group_of_unknown_keys_only_is_bracketed_as_numbered(app) -> None:
    # no known paper to take the style of: the key shows in the numbered style's brackets
    cites = [span.get_text() for span in soup(app).select("span.sw-papers-cite-text")]
    assert cites[:2] == ["[nosuchkey]", "[1, nosuchkey]"]

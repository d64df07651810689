"""A ``:::{organizer}`` block in a MyST project without ``colon_fence`` is a located warning, not silent text.

``tests/roots/test-colon-fence`` has no ``colon_fence``: its MyST page holds fenced blocks of the
extension's directives (short and with their domain, nested), a ``:::{note}`` (not the extension's), a
paragraph that mentions ``:::{organizer}`` later and one that starts with it in code; its rST page a
paragraph that starts with ``:::{organizer}``. The tests add ``colon_fence`` with ``confoverrides``.
"""

from __future__ import annotations

import pytest
from kit import copy_root, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.colon_fence import workshop_directive_names

MESSAGE = (
    '"{opening}" is shown as text: MyST reads colon fences only with its colon_fence extension; add it in '
    'conf.py, myst_enable_extensions = [..., "colon_fence"] (or write the directive in a ``` fence) '
    "[workshop.colon_fence]"
)
EXPECTED = [
    f"<src>/index.md:{line}: WARNING: " + MESSAGE.format(opening=opening)
    for line, opening in [
        (7, ":::{organizer}"),
        (11, "::::{people:organizers}"),
        (13, ":::{speaker}"),
        (25, ":::{papers:references}"),
    ]
]


@pytest.mark.sphinx("html", testroot="colon-fence", freshenv=True)
def test_each_unread_fence_of_a_workshop_directive_is_a_located_warning(app) -> None:
    app.build()
    assert warning_lines(app) == EXPECTED
    # The blocks really are text: the card is not there, the fence is a paragraph.
    page = soup(app)
    assert page.select(".workshop-person, [id^=person-]") == []
    texts = [p.get_text() for p in page.select("p")]
    assert any(text.startswith(":::{organizer} Jane Doe") for text in texts)


@pytest.mark.sphinx("html", testroot="colon-fence", freshenv=True, parallel=2)
def test_parallel_reading_warns_the_same(app) -> None:
    app.build()
    assert sorted(warning_lines(app)) == sorted(EXPECTED)


def test_no_warning_when_colon_fence_is_enabled(tmp_path) -> None:
    """Also not for a fence written as text on purpose (its first colon escaped)."""
    src = copy_root("colon-fence", tmp_path)
    with (src / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n\\:::{organizer} shown as text on purpose\n")
    app = SphinxTestApp(
        "html",
        srcdir=src,
        builddir=tmp_path / "build",
        confoverrides={"myst_enable_extensions": ["colon_fence"]},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert warning_lines(app) == []
    page = soup(app)
    assert page.select_one("#person-jane-doe") is not None  # the fence is now a card
    assert ":::{organizer} shown as text on purpose" in [p.get_text() for p in page.select("p")]


@pytest.mark.sphinx(
    "html",
    testroot="colon-fence",
    freshenv=True,
    confoverrides={"suppress_warnings": ["workshop.colon_fence"]},
)
def test_suppress_warnings_silences_it(app) -> None:
    app.build()
    assert warning_lines(app) == []


@pytest.mark.sphinx("html", testroot="colon-fence", freshenv=True)
def test_an_rst_paragraph_starting_with_a_fence_is_left_alone(app) -> None:
    app.build()
    assert not [line for line in warning_lines(app) if "page.rst" in line]
    texts = [p.get_text() for p in soup(app, "page").select("p")]
    assert any(text.startswith(":::{organizer} Jane Doe") for text in texts)  # the paragraph is there


@pytest.mark.sphinx("html", testroot="colon-fence", freshenv=True)
def test_the_names_are_every_directive_the_extension_registers(app) -> None:
    """Short names and domain names; not docutils', MyST's or Sphinx's directives."""
    names = workshop_directive_names(app)
    short = {"organizers", "organizer", "speakers", "speaker", "talk-abstract", "schedule", "event"}
    short |= {"sponsors", "sponsor", "important-dates", "phase"}
    short |= {"accepted-papers", "accepted-paper", "references", "paper", "footreferences"}
    prefixed = {"people:organizers", "people:organizer", "people:speakers", "people:speaker"}
    prefixed |= {"people:talk-abstract", "sponsors:sponsors", "dates:important-dates", "dates:phase"}
    prefixed |= {"sponsors:sponsor", "accepted:papers", "accepted:paper", "papers:references"}
    prefixed |= {"papers:paper", "papers:footreferences"}
    assert names == short | prefixed

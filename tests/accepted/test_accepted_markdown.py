"""The Markdown of accepted papers' titles and abstracts as docutils nodes: what OpenReview and CMT
abstracts hold, hostile input, titles, the plain text, and (by property) no input that raises or makes
a tree docutils cannot write."""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Sequence

import pytest
from bs4 import BeautifulSoup
from docutils import frontend, nodes
from docutils.core import publish_from_doctree
from docutils.utils import new_document
from docutils.writers.html5_polyglot import Writer
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinx_workshop.accepted.markdown import blocks, inline, plain
from sphinx_workshop.links import is_safe_url


def tree(body: Sequence[nodes.Node], indent: str = "") -> str:
    """*body* as pseudo-XML, each text as a Python string and attributes with their Python values."""
    lines = []
    for node in body:
        if isinstance(node, nodes.Text):
            lines.append(f"{indent}{str(node)!r}\n")
        else:
            assert isinstance(node, nodes.Element)
            attributes = "".join(
                f" {name}={value!r}" for name, value in sorted(node.attributes.items()) if value != []
            )
            lines.append(f"{indent}<{node.tagname}{attributes}>\n{tree(node.children, indent + '    ')}")
    return "".join(lines)


def expected(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def publish(body: list[nodes.Element]) -> BeautifulSoup:
    """*body* as the whole of a document, written by docutils' HTML5 writer (any error raises)."""
    document = new_document("<abstract>", frontend.get_default_settings(Writer))
    document.extend(body)
    html = publish_from_doctree(
        document,
        writer_name="html5",
        # Math as LaTeX source, escaped: what Sphinx's MathJax output does (docutils' own TeX-to-HTML
        # converter is not what we test); report_level 5: system messages must not be hidden.
        settings_overrides={"math_output": "LaTeX", "halt_level": 2, "report_level": 1},
    )
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".system-message")
    return soup


OPENREVIEW = """\
Sorting is a building block of $\\mathcal{O}(n \\log n)$ algorithms. We show **three** results:

$$
T(n) = 2T(n/2) + \\Theta(n)
$$

- a merge that runs in `O(1)` extra space,
- a bound of $k$-way merging, and
- an implementation at [github.com/x/y](https://github.com/x/y).
"""


def test_an_openreview_abstract():
    assert tree(blocks(OPENREVIEW)) == expected(
        r"""
        <paragraph>
            'Sorting is a building block of '
            <math>
                '\\mathcal{O}(n \\log n)'
            ' algorithms. We show '
            <strong>
                'three'
            ' results:'
        <math_block label=None no-wrap=False nowrap=False number=None xml:space='preserve'>
            'T(n) = 2T(n/2) + \\Theta(n)'
        <bullet_list bullet='-'>
            <list_item>
                <paragraph>
                    'a merge that runs in '
                    <literal>
                        'O(1)'
                    ' extra space,'
            <list_item>
                <paragraph>
                    'a bound of '
                    <math>
                        'k'
                    '-way merging, and'
            <list_item>
                <paragraph>
                    'an implementation at '
                    <reference refuri='https://github.com/x/y'>
                        'github.com/x/y'
                    '.'
        """
    )


def test_math_blocks_carry_what_sphinx_writers_read():
    (block,) = blocks("$$\n\\sum_i x_i\n$$")
    assert isinstance(block, nodes.math_block)
    assert block.astext() == "\\sum_i x_i"
    # mathjax and imgmath read node["number"]; the LaTeX writer "label" and "no-wrap" (Sphinx 9) or "nowrap".
    assert {name: block.get(name, "missing") for name in ("number", "label", "nowrap", "no-wrap")} == {
        "number": None,
        "label": None,
        "nowrap": False,
        "no-wrap": False,
    }


def test_the_published_abstract():
    soup = publish(blocks(OPENREVIEW))
    assert [a["href"] for a in soup.select("a")] == ["https://github.com/x/y"]
    assert [li.get_text() for li in soup.select("ul > li")] == [
        "a merge that runs in O(1) extra space,",
        "a bound of k-way merging, and",
        "an implementation at github.com/x/y.",
    ]
    assert soup.select_one("strong").get_text() == "three"


@pytest.mark.parametrize(
    ("text", "pseudo_xml"),
    [
        # Prices stay text: no space inside the dollars, no digit after the closing one.
        ("It costs $5 and $6.", "<paragraph>\n    'It costs $5 and $6.'\n"),
        ("From $5-$10 a run.", "<paragraph>\n    'From $5-$10 a run.'\n"),
        ("An unbalanced $x and *y and [z.", "<paragraph>\n    'An unbalanced $x and *y and [z.'\n"),
        (r"An escaped \$x$ is text.", "<paragraph>\n    'An escaped $x$ is text.'\n"),
        # dollarmath reads the character before position 0 as the last one: the math is kept here.
        ("$k$-means in 2024", "<paragraph>\n    <math>\n        'k'\n    '-means in 2024'\n"),
        ("$k$ ends in \\", "<paragraph>\n    <math>\n        'k'\n    ' ends in \\\\'\n"),
        # $$ inside a paragraph is (inline) math, as MathJax reads it; a $$ block stops at a blank line.
        ("a $$x$$ b", "<paragraph>\n    'a '\n    <math>\n        'x'\n    ' b'\n"),
        ("$$\na\n\nb $$", "<paragraph>\n    '$$'\n    '\\n'\n    'a'\n<paragraph>\n    'b $$'\n"),
        (
            "$$ x $$",
            "<math_block label=None no-wrap=False nowrap=False number=None xml:space='preserve'>\n    'x'\n",
        ),
    ],
)
def test_dollars(text, pseudo_xml):
    assert tree(blocks(text)) == pseudo_xml


HOSTILE = """\
<script>alert(1)</script>

[x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative) [w](https://a.example@b.example/)

![logo](https://evil.example/x.png) ![](https://evil.example/y.png) ![pixel](data:image/png;base64,AA)

<img src="https://evil.example/z.png" onerror="alert(2)"> <a href="javascript:alert(3)">a</a>
"""


def test_hostile_markdown_is_text():
    body = blocks(HOSTILE)
    assert tree(body) == expected(
        """
        <paragraph>
            '<script>alert(1)</script>'
        <paragraph>
            '[x](javascript:alert(1)) [y](data:text/html,hi) '
            'z'
            ' '
            'w'
        <paragraph>
            <reference refuri='https://evil.example/x.png'>
                'logo'
            ' '
            ' '
            'pixel'
        <paragraph>
            '<img src="https://evil.example/z.png" onerror="alert(2)"> <a href="javascript:alert(3)">a</a>'
        """
    )
    soup = publish(body)
    assert soup.select("script, img, iframe, [onerror]") == []
    assert [a["href"] for a in soup.select("a")] == ["https://evil.example/x.png"]
    assert soup.select("p")[0].get_text() == "<script>alert(1)</script>"


def test_links_kept_are_absolute_http_https_or_mailto():
    body = inline("[a](https://a.example/p?q=1) [b](http://b.example) <c@c.example> [d](ftp://d.example)")
    assert tree(body) == expected(
        """
        <reference refuri='https://a.example/p?q=1'>
            'a'
        ' '
        <reference refuri='http://b.example'>
            'b'
        ' '
        <reference refuri='mailto:c@c.example'>
            'c@c.example'
        ' '
        'd'
        """
    )


@pytest.mark.parametrize(
    ("title", "pseudo_xml"),
    [
        (
            "![an image](mailto:a@b.example) is only linked to http(s)",
            "'an image'\n' is only linked to http(s)'\n",
        ),
        ("1. Introduction to sorting", "'1. Introduction to sorting'\n"),
        ("# of parameters matters", "'# of parameters matters'\n"),
        ("- Not a list", "'- Not a list'\n"),
        (
            "Fast $k$-NN with *learned* `hash` codes",
            "'Fast '\n<math>\n    'k'\n'-NN with '\n<emphasis>\n    'learned'\n"
            "' '\n<literal>\n    'hash'\n' codes'\n",
        ),
        ("<b>Bold</b> claims", "'<b>Bold</b> claims'\n"),
        # A hard break (two spaces at a line's end) is a newline in a title, within emphasis too.
        ("A  \n*hard  \nbreak*", "'A'\n'\\n'\n<emphasis>\n    'hard'\n    '\\n'\n    'break'\n"),
    ],
)
def test_titles(title, pseudo_xml):
    assert tree(inline(title)) == pseudo_xml


def test_block_structure():
    text = """\
# A heading *here*

3. third
4. fourth

---

> quoted\x20\x20
> *on two*\\
> lines

```python
x = a < b
```

    indented code

***
"""
    assert tree(blocks(text)) == expected(
        """
        <paragraph>
            <strong>
                'A heading '
                <emphasis>
                    'here'
        <enumerated_list enumtype='arabic' prefix='' start=3 suffix='.'>
            <list_item>
                <paragraph>
                    'third'
            <list_item>
                <paragraph>
                    'fourth'
        <transition>
        <block_quote>
            <line_block>
                <line>
                    'quoted'
                <line>
                    <emphasis>
                        'on two'
                <line>
                    'lines'
        <literal_block language='text' xml:space='preserve'>
            'x = a < b'
        <literal_block language='text' xml:space='preserve'>
            'indented code'
        """
    )
    publish(blocks(text))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("---\n\na", ["paragraph"]),
        ("a\n\n---\n\n***\n\nb", ["paragraph", "transition", "paragraph"]),
        ("> a\n>\n> ---\n>\n> b", ["block_quote"]),
        ("- a\n\n  ***\n\n  b", ["bullet_list"]),
        ("> a\n>\n> ---\n>\n> b\n\nc", ["block_quote", "paragraph"]),
    ],
)
def test_transitions_only_where_docutils_allows_them(text, kinds):
    body = blocks(text)
    assert [node.tagname for node in body] == kinds
    assert not any(
        body_node.next_node(nodes.transition) for body_node in body if body_node.tagname != "transition"
    )
    publish(body)


@pytest.mark.parametrize(
    ("text", "title", "result"),
    [
        (
            OPENREVIEW,
            False,
            "Sorting is a building block of $\\mathcal{O}(n \\log n)$ algorithms. We show three "
            "results: $$T(n) = 2T(n/2) + \\Theta(n)$$ a merge that runs in O(1) extra space, a bound of "
            "$k$-way merging, and an implementation at github.com/x/y.",
        ),
        (
            HOSTILE,
            False,
            "<script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,hi) z w logo pixel "
            '<img src="https://evil.example/z.png" onerror="alert(2)"> <a href="javascript:alert(3)">a</a>',
        ),
        ("1. Introduction to *sorting*", False, "Introduction to sorting"),
        ("1. Introduction to *sorting*", True, "1. Introduction to sorting"),
        ("  a\tb\n\nc  ", False, "a b c"),
        ("", False, ""),
    ],
)
def test_plain(text, title, result):
    assert plain(text, title=title) == result


def test_control_characters_and_surrogates_are_removed():
    assert tree(inline("a\x00b\x1bc\ud800d\ufffe")) == "'abcd'\n"


MARKUP = st.sampled_from(
    [
        *"$*_`[]()!<>#-+.:\\|~&;\n \t1",
        "$$",
        "```",
        "    ",
        "> ",
        "- ",
        "1. ",
        "---",
        "https://a.example/",
        "javascript:",
        "data:",
        "mailto:a@b.example",
        "<script>",
        "&amp;",
        "&#0;",
        "\x00",
        "\x0b",
        "\ud800",
        "\u2028",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(MARKUP | st.text(max_size=3), max_size=60).map("".join))


def links(body: list[nodes.Node]) -> list[str]:
    return [
        ref["refuri"]
        for node in body
        if isinstance(node, nodes.Element)
        for ref in node.findall(nodes.reference)
    ]


@example("-\r---\r0")  # a list, a thematic break, a paragraph: the break stays, between the two
@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_nodes_docutils_writes(text):
    body = blocks(text)
    # body elements, and transitions (thematic breaks) only between two of them, as docutils allows
    assert all(isinstance(node, (nodes.Body, nodes.transition)) for node in body)
    assert not any(isinstance(node, nodes.transition) for node in body[:1] + body[-1:])
    assert not any(
        isinstance(a, nodes.transition) and isinstance(b, nodes.transition)
        for a, b in itertools.pairwise(body)
    )
    publish(body)
    title = inline(text)
    publish([nodes.paragraph("", "", *title)])
    assert all(
        is_safe_url(uri, schemes=frozenset({"http", "https", "mailto"})) for uri in links(body + title)
    )
    for result in (plain(text), plain(text, title=True)):
        assert result == " ".join(result.split())


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_a_sphinx_build_writes_the_nodes(build_once, builder):
    app = build_once("accepted-markdown", builder)
    assert app.warning.getvalue() == ""
    if builder == "html":
        soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("section")
        assert body.select("script, img") == []
        assert (
            body.select_one("p.accepted-title").get_text()
            == r"1. Sorting in \(\mathcal{O}(n \log n)\) with merges"
        )
        assert [div.get_text().strip() for div in body.select("div.math")] == [r"\[T(n) = 2T(n/2) + n\]"]
        assert body.select_one("ol")["start"] == "3"
        assert [a["href"] for a in body.select("a.external")] == [
            "https://github.com/x/y",
            "https://evil.example/x.png",
        ]
    elif builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert r"\(\mathcal{O}(n \log n)\)" in tex
        assert "\\begin{equation*}\n\\begin{split}T(n) = 2T(n/2) + n\\end{split}\n\\end{equation*}" in tex
    else:
        text = (app.outdir / "index.txt").read_text(encoding="utf-8")
        assert "T(n) = 2T(n/2) + n" in text
        assert "<script>alert(1)</script>" in text

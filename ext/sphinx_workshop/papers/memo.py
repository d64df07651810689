"""Memoized HTML of list entries: a list written again for one new back-link translates one entry.

Adding a citation changes the back-links of one entry, and Sphinx writes the whole references page
again. The HTML of an entry depends only on what it shows (its record, back-links and style) and
on how the build translates (builder, page, language, the ``html`` config values, the extension's
version): those make its key. The first write of a list translates every entry with the standard
HTML translator and keeps each entry's HTML and words (in ``<doctreedir>/papers-entries.pickle``);
a later write of the same page reuses the HTML of the entries whose key is unchanged, and gives the
search index the same words. Only what the translator itself produced is reused, never user text.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

_FILE = "papers-entries.pickle"
_VERSION = 2
#: builder and page -> entry key -> (HTML, words, whether it holds math)
Groups = dict[str, dict[str, tuple[str, str, bool]]]


class memo_paragraph(nodes.paragraph):
    """An entry's paragraph whose HTML may be memoized (attributes ``memo_group`` and ``memo_key``).

    Other builders never see it; for them the paragraph's own visitors would apply (its MRO).
    """


class EntryMemo:
    """The memoized entries of one doctree folder, loaded when a list is first written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._groups: Groups | None = None
        self.used: Groups = {}

    @property
    def groups(self) -> Groups:
        """What the last build kept (empty if nothing, or if it cannot be read)."""
        if self._groups is None:
            self._groups = {}
            with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
                version, groups = pickle.loads(self.path.read_bytes())
                if version == _VERSION and isinstance(groups, dict):
                    self._groups = groups
        return self._groups

    def get(self, group: str, key: str) -> tuple[str, str, bool] | None:
        """The HTML, words and math flag of an entry, if memoized (and so kept for the next build)."""
        found = self.used.get(group, {}).get(key) or self.groups.get(group, {}).get(key)
        if found is not None:
            self.used.setdefault(group, {})[key] = found
        return found

    def put(self, group: str, key: str, html: str, words: str, math: bool) -> None:
        """Keep an entry's HTML, words and math flag."""
        self.used.setdefault(group, {})[key] = (html, words, math)

    def save(self) -> None:
        """Write the entries of the pages written in this build; keep those of the other pages."""
        if not self.used:
            return
        groups = {**self.groups, **self.used}
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        try:
            temporary.write_bytes(pickle.dumps((_VERSION, groups), protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.path)
        except OSError:  # a memo is an optimisation: the next build renders its entries again
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        self._groups, self.used = groups, {}


_MEMOS: dict[str, EntryMemo] = {}
#: The builders that write a page per document in place, for which a memo pays. Not EPUB: it packs
#: every file of its output folder (doctrees aside, which Sphinx knows by name).
MEMO_BUILDERS = frozenset({"html", "dirhtml"})


def uses_memo(builder: Builder) -> bool:
    """Whether *builder*'s lists reuse memoized entries."""
    return builder.name in MEMO_BUILDERS


def entry_memo(builder: Builder) -> EntryMemo:
    """The memo of *builder*'s doctree folder (one per process and folder).

    Called for every entry written: the folder's name is the key, no path is built on a hit.
    """
    folder = os.fspath(builder.doctreedir)
    memo = _MEMOS.get(folder)
    if memo is None:
        memo = _MEMOS[folder] = EntryMemo(Path(folder, _FILE))
    return memo


def build_context(builder: Builder) -> str:
    """What the HTML of every entry depends on besides the entry itself, as one string."""
    from sphinx_workshop import __version__

    config = builder.config
    html_values = sorted((item.name, repr(item.value)) for item in config.filter(frozenset({"html"})))
    translator = builder.get_translator_class() if hasattr(builder, "get_translator_class") else None
    return repr((_VERSION, __version__, builder.name, config.language, html_values, repr(translator)))


def page_hasher(context: str, fromdocname: str) -> Any:
    """A digest of the build context and the page, to be copied for each entry of the page's lists."""
    return hashlib.blake2b(repr((context, fromdocname)).encode("utf-8", "surrogatepass"), digest_size=16)


def entry_key(page: Any, parts: Any) -> str:
    """The key of one entry: *page* (:func:`page_hasher`) continued with what the entry shows.

    The context (a few kilobytes of ``html_*`` values) is hashed once per page, not once per entry.
    """
    hasher = page.copy()
    hasher.update(repr(parts).encode("utf-8", "surrogatepass"))
    return str(hasher.hexdigest())


def words_of(node: nodes.Element) -> str:
    """The text of *node* as the search index splits it: each text node on its own."""
    return " ".join(text.astext() for text in node.findall(nodes.Text))


def _visit(self: HTML5Translator, node: memo_paragraph) -> None:
    memo = entry_memo(self.builder)
    found = memo.get(node["memo_group"], node["memo_key"])
    if found is not None and node.get("memo_hit"):
        self.body.append(found[0])
        if found[2]:  # the page needs MathJax as if the math node had been visited (Sphinx 8+)
            self._has_maths_elements = True
        raise nodes.SkipNode
    node["memo_start"] = len(self.body)
    self.visit_paragraph(node)


def _depart(self: HTML5Translator, node: memo_paragraph) -> None:
    self.depart_paragraph(node)
    html = "".join(self.body[node["memo_start"] :])
    math = next(node.findall(nodes.math), None) is not None
    entry_memo(self.builder).put(node["memo_group"], node["memo_key"], html, words_of(node), math)


def _save(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and uses_memo(app.builder):
        entry_memo(app.builder).save()


def setup_memo(app: Sphinx) -> None:
    """Register the memoized paragraph's HTML visitors and the saving of the memo."""
    app.add_node(memo_paragraph, html=(_visit, _depart))
    app.connect("build-finished", _save)

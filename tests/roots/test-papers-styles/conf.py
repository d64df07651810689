from docutils import nodes

from sphinx_workshop.papers import register_style

extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
papers_style = "author-first"


def key_and_title(entry):
    """A user's style: the key in brackets, then the title node the extension builds."""
    return [nodes.Text(f"[{entry.record.key}] "), entry.title()]


def setup(app):
    register_style("key-and-title", key_and_title)
    register_style("broken", broken)


def broken(entry):
    """A user's style with a bug: the entry falls back to the default style, with a warning."""
    raise KeyError("oops")

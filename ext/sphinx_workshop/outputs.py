"""The names a build's own output takes (pages, their folders, extra files): a file the extension writes
(a calendar, a list's ``.bib``) must not take one of them."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _with_folders(paths: set[str]) -> dict[str, str]:
    """Each path, and each folder above it, mapped to the path that takes it."""
    taken: dict[str, str] = {}
    for path in sorted(paths):
        taken.setdefault(path, path)
        folder = posixpath.dirname(path)
        while folder:
            taken.setdefault(folder, path)
            folder = posixpath.dirname(folder)
    return taken


def taken_names(app: Sphinx) -> dict[str, str]:
    """Output paths (posix, relative to the output folder) the build writes or copies, by what takes them."""
    builder, env = app.builder, app.env
    pages: set[str] = set()
    if builder.name == "singlehtml":
        pages.add(env.config.root_doc + ".html")
    else:
        outfile = getattr(builder, "get_outfilename", None)  # every StandaloneHTMLBuilder has it
        for docname in env.found_docs:
            if outfile is None:
                pages.add(docname + ".html")
                continue
            pages.add(Path(os.path.relpath(outfile(docname), builder.outdir)).as_posix())
    for extra in env.config.html_extra_path:
        root = Path(app.confdir, extra)
        if root.is_file():
            pages.add(root.name)
        for folder, _dirs, files in os.walk(root):
            for name in files:
                pages.add(Path(folder, name).relative_to(root).as_posix())
    return _with_folders(pages)

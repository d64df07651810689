import os

# Both orders are tested: PAPERS_BIBTEX_ORDER=bibtex-first loads sphinxcontrib-bibtex first.
_ours = ["myst_parser", "sphinx_workshop"]
_theirs = ["sphinxcontrib.bibtex"]
extensions = _theirs + _ours if os.environ.get("PAPERS_BIBTEX_ORDER") == "bibtex-first" else _ours + _theirs
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["theirs.bib"]
bibtex_default_style = "plain"
nitpicky = True

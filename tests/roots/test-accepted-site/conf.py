project = "Systems Workshop 2020"
copyright = "2020, the organizers"
version = "1"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
html_theme = "basic"
html_sidebars = {"**": ["globaltoc.html"]}
papers_accepted = {
    "papers": {"export": "exports/accepted.csv", "group-by": "session"},
    "cmt": {"export": "exports/cmt.csv", "pdf-url": "https://example.org/cmt/{id}.pdf"},
}

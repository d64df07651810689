project = "Systems Workshop 2021"
copyright = "2021, the organizers"
version = "1"
extensions = ["myst_parser", "sphinx_workshop"]
html_theme = "basic"
html_sidebars = {"**": ["globaltoc.html"]}
papers_accepted = {
    "papers": {"export": "exports/accepted.csv", "group-by": "session", "extras": "exports/extras.csv"},
}

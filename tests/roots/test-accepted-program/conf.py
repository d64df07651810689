project = "Systems Workshop 2020"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
papers_accepted = {"papers": {"export": "exports/accepted.csv", "group-by": "session"}}

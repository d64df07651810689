# A new organizer's project: the extension in a stock theme (each test picks html_theme).
project = "Theme sample"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = ["_static"]
papers_accepted = {
    "papers": {"export": "exports/accepted.csv", "extras": "exports/extras.csv", "year": "2020"},
}

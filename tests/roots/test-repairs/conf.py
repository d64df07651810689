# A project with no patches of its own: the extension repairs singlehtml, EPUB and the 404 page.
project = "Repairs"
copyright = "2020, the organizers"
version = "1"
extensions = ["myst_parser", "sphinx_workshop", "notfound.extension"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
myst_heading_anchors = 2

project = "Hostile options"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
html_baseurl = "https://example.org/"
copyright = "2020, the organizers"
version = "1"

project = "Hostile photos"
copyright = "2020, the organizers"
version = "1"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"

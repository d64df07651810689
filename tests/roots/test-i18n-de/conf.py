extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
language = "de"
html_theme = "alabaster"
html_baseurl = "https://workshop.example.org/"

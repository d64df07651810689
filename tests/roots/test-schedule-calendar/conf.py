extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
project = "Calendar project"
html_baseurl = "https://workshop.example.org/"

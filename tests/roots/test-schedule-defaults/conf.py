extensions = ["myst_parser", "sphinx_workshop"]
project = "Summer School"

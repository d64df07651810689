extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
smartquotes = False  # the names are compared as written

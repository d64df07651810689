extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]

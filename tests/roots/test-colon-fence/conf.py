extensions = ["myst_parser", "sphinx_workshop"]
# No "colon_fence" in myst_enable_extensions: the tests add it with confoverrides.
exclude_patterns = ["_build"]

# The one conf.py of the hostile test projects (tests/roots/test-hostile-*): tests/hostilekit.py builds each
# with -c pointing here, and gives what a project needs beyond it with -D (hostilekit.OVERRIDES).
project = "Hostile input"
copyright = "2020, the organizers"
version = "1"
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"

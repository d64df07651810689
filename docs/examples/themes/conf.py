# conf.py: the extension in furo, with colours of the site's own
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
project = "ML for Systems"
html_theme = "furo"  # or sphinx_book_theme, pydata_sphinx_theme, sphinx_rtd_theme, alabaster
html_static_path = ["_static"]
html_css_files = ["colours.css"]

# conf.py of a workshop site written in MyST Markdown
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]  # directives as :::{name} ... :::
project = "ML for Systems"

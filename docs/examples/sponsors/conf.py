# conf.py of a workshop site written in MyST Markdown, with sponsor tiers of its own
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]  # directives as :::{name} ... :::
project = "ML for Systems"
workshop_sponsor_tiers = ["Host", "gold", "supporter"]  # in the order of the page

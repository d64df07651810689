# conf.py: a site in German; the extension's strings and the schedule's dates follow `language`
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence"]
project = "ML for Systems"
language = "de"

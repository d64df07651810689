# conf.py of a workshop site written in reStructuredText: no myst-parser needed
extensions = ["sphinx_workshop"]
project = "ML for Systems"

extensions = ["sphinx_workshop"]

extensions = ["sphinx_workshop"]
nitpicky = True

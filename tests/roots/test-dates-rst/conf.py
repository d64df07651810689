extensions = ["sphinx_workshop"]
project = "Dates"

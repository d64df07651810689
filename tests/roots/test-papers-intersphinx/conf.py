extensions = ["myst_parser", "sphinx.ext.intersphinx", "sphinx_workshop"]
nitpicky = True
# intersphinx_mapping is given by the test (it points at the objects.inv of another test build)

extensions = ["myst_parser", "sphinx_workshop"]
workshop_twitter_base_url = "javascript:alert(1)//"

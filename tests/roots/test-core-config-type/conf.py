extensions = ["sphinx_workshop"]
workshop_twitter_base_url = 42

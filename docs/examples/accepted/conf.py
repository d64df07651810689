# conf.py: the accepted papers of the review system's export, a page each under papers/
extensions = ["myst_parser", "sphinx_workshop"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
project = "ML for Systems"
papers_accepted = {
    "papers": {
        "export": "exports/accepted.csv",
        "extras": "exports/extras.csv",
        "group-by": "decision",
        "year": "2020",
    }
}

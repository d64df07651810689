"""Build-cost benchmark of sphinx-workshop against sphinxcontrib-bibtex and plain Sphinx (issue 6), and of
its accepted-papers pages against the same pages written by hand (issue 28, ``bench/accepted.py``).

Run it with ``make bench`` or ``.venv/bin/python -m bench --help``. It writes synthetic projects to a
temporary folder, builds each in a subprocess (wall time and peak memory), and checks the targets.
"""

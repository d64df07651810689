"""``python -m sphinx_workshop``: the ``sphinx-workshop`` command (:mod:`sphinx_workshop.cli`)."""

from sphinx_workshop.cli import main

raise SystemExit(main())

"""Accepted papers read from a review system's export: OpenReview (API v1 and v2 notes as JSON, the
program chairs' console CSV and the documented custom CSV export), Microsoft CMT (the Excel export, or a
CSV or TSV saved from it), MiniConf's ``papers.csv`` and a plain CSV. :func:`read_export` returns the
accepted papers as :class:`AcceptedPaper` records and what could not be read as :class:`ExportProblem`
records (:data:`PROBLEMS` lists their subtypes); it never raises on bad input, keeps only http(s) links
and reads no e-mail address or review data. Modules: ``records`` (the records and shared rules),
``tables`` (decoding and CSV rows), ``openreview``, ``openreview_csv``, ``cmt``, ``miniconf`` (with the
plain CSV), ``read`` (format detection) and ``markdown`` (a title's and an abstract's Markdown as docutils
nodes). Nothing here is wired into Sphinx yet.
"""

from __future__ import annotations

from sphinx_workshop.accepted.read import FORMATS, read_export
from sphinx_workshop.accepted.records import PROBLEMS, AcceptedPaper, Author, Export, ExportProblem

__all__ = ["FORMATS", "PROBLEMS", "AcceptedPaper", "Author", "Export", "ExportProblem", "read_export"]

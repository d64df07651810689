"""``-j 2`` output equals ``-j 1`` output (domain data merged from parallel readers)."""

from __future__ import annotations

import re

from papers_helpers import bodies, warning_lines
from sphinx.util.console import strip_escape_sequences


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-parallel", parallel=1)
    parallel = build_once("papers-parallel", parallel=2)
    chunked = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+")  # "[ 33%] index .. p3"
    assert chunked.search(strip_escape_sequences(parallel.status.getvalue()))  # read in parallel chunks
    assert not chunked.search(strip_escape_sequences(serial.status.getvalue()))
    assert warning_lines(serial) == warning_lines(parallel) == []
    expected = bodies(serial.outdir)
    assert len(expected) == 11
    assert bodies(parallel.outdir) == expected
    assert (serial.outdir / "objects.inv").read_bytes() == (parallel.outdir / "objects.inv").read_bytes()
    assert serial.env.domains["papers"].papers == parallel.env.domains["papers"].papers

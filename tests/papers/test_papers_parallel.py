"""``-j 2`` output equals ``-j 1`` output (domain data merged from parallel readers), and a rebuild after
a ``-j 2`` build keeps every page's records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kit import bodies, edit, rebuild, warning_lines
from sphinx.util.console import strip_escape_sequences

#: What Sphinx logs when it reads in parallel chunks: "[ 33%] index .. p3".
CHUNKED = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+")


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-parallel", parallel=1)
    parallel = build_once("papers-parallel", parallel=2)
    assert CHUNKED.search(strip_escape_sequences(parallel.status.getvalue()))  # read in parallel chunks
    assert not CHUNKED.search(strip_escape_sequences(serial.status.getvalue()))
    assert warning_lines(serial) == warning_lines(parallel) == []
    expected = bodies(serial.outdir)
    assert len(expected) == 11
    assert bodies(parallel.outdir) == expected
    assert (serial.outdir / "objects.inv").read_bytes() == (parallel.outdir / "objects.inv").read_bytes()
    assert serial.env.domains["papers"].papers == parallel.env.domains["papers"].papers


#: The domains whose records are stored per page (their ``merge_domaindata`` takes them from readers).
DOMAINS = ("papers", "people", "schedule")


def domain_data(app, name: str) -> dict[str, object]:
    """The data of *app*'s domain *name*; the output files it wrote are kept by output folder, named
    here ``<out>`` (two builds into two folders wrote the same files)."""
    return {
        kind: {key.replace(str(app.outdir), "<out>"): v for key, v in value.items()}
        if isinstance(value, dict)
        else value
        for kind, value in app.env.domains[name].data.items()
    }


@pytest.mark.parametrize("process", ["same", "new"])
def test_rebuild_after_parallel_build_keeps_every_record(process: str, tmp_path: Path) -> None:
    """Every page of ``parallel-records`` holds another kind of record (entries and lists, each
    citation form, ``{any}``, footnotes, cards, ``{person}``, a schedule, an event), all read by
    ``-j 2`` workers. The rebuild re-reads one page: the others' records are the merged ones, kept
    in the pickled environment, and must equal a clean build's, as must every page."""

    def retitle(src: Path) -> None:
        edit(src / "refs.md", ":title: Beta Paper", ":title: Beta Paper, Revised")

    built = rebuild("parallel-records", tmp_path, retitle, process=process, parallel=2)
    assert built.read == ["refs"]
    if process == "same":  # the first build's log is the same app's: it read in parallel chunks
        assert CHUNKED.search(strip_escape_sequences(built.incremental.status.getvalue()))
    for name in DOMAINS:
        incremental, clean = domain_data(built.incremental, name), domain_data(built.clean, name)
        assert set(incremental) == set(clean)
        for kind in clean:  # one key at a time, so that a failure names it
            assert (name, kind, incremental[kind]) == (name, kind, clean[kind])
    # a sample of what each kind of record shows, so that the comparison cannot hold vacuously
    records = built.clean.env.domains
    assert {
        kind: sorted(records["papers"].data[kind]) for kind in ("lists", "cites", "anyrefs", "footcites")
    } == {
        "lists": ["refs"],
        "cites": ["cites", "index", "program"],  # {paper} is a citation place too
        "anyrefs": ["anyref"],
        "footcites": ["foot"],
    }
    assert sorted(records["people"].data["cards"]) == ["people"]
    assert sorted(records["people"].data["refs"]) == ["anyref", "links", "program"]  # {any} may name one
    assert sorted(records["schedule"].data["schedules"]) == ["program"]
    assert records["schedule"].data["events"] == {"event": 1}
    assert warning_lines(built.incremental) == warning_lines(built.clean) == []
    assert bodies(built.incremental.outdir) == bodies(built.clean.outdir)

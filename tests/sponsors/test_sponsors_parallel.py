"""``-j 2`` equals ``-j 1``, and an edited sponsor on one page re-writes the event page (equal to clean)."""

from __future__ import annotations

import json

from kit import bodies, build, copy_root, edit, pages, parse, rebuild, warning_lines

ROOT = "sponsors-basic"


def test_parallel_build_equals_serial(tmp_path) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    serial = build(srcdir, tmp_path / "serial")
    parallel = build(srcdir, tmp_path / "parallel", parallel=2)
    assert warning_lines(serial, src="") == warning_lines(parallel, src="") == []
    assert pages(parallel.outdir) == pages(serial.outdir)
    sponsors = serial.env.domains["sponsors"].sponsors()
    assert parallel.env.domains["sponsors"].sponsors() == sponsors
    assert [record.docname for record in sponsors] == [
        "more",
        "sponsors",
        "sponsors",
        "sponsors",
        "more",
        "sponsors",
    ]


def _event_sponsors(html: str) -> list[str]:
    script = parse(html).select_one('script[type="application/ld+json"]')
    return [sponsor["name"] for sponsor in json.loads(script.string)["sponsor"]]


def test_an_edited_sponsor_rewrites_the_event_page(tmp_path) -> None:
    def change(src):
        edit(src / "more.rst", ".. sponsor:: Gamma Foundation", ".. sponsor:: Gamma Trust")
        edit(src / "more.rst", ":tier: bronze", ":tier: gold")

    result = rebuild(ROOT, tmp_path, change)
    assert result.read == ["more"]  # the event page is written again, not read again
    assert "event" in result.written
    after = bodies(result.incremental.outdir)
    assert after == bodies(result.clean.outdir)
    assert _event_sponsors(result.before["event.html"])[-2] == "Gamma Foundation"
    assert _event_sponsors(after["event.html"]) == [
        "Delta Labs",
        "Gamma Trust",  # in its tier, by document: more before sponsors
        "Example Corp",
        "Beta & <Sons>",
        "Acme Research",
        "Tiny Lab",
    ]


def test_a_removed_sponsor_leaves_the_event(tmp_path) -> None:
    def change(src):
        edit(
            src / "more.rst",
            "   .. sponsor:: Delta Labs\n      :tier: platinum\n      :url: http://delta.example.com/\n",
            "",
        )

    result = rebuild(ROOT, tmp_path, change)
    assert "event" in result.written and "event" not in result.read
    after = bodies(result.incremental.outdir)
    assert after == bodies(result.clean.outdir)
    assert "Delta Labs" not in _event_sponsors(after["event.html"])

"""The ``event`` directive's schema.org Event JSON-LD."""

from __future__ import annotations

import json
import shutil

import pytest
from kit import parse_file, warning_lines


def json_ld(app, page: str) -> list[dict]:
    soup = parse_file(app.outdir / page)
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


@pytest.mark.sphinx("html", testroot="schedule-event", freshenv=True)
def test_event_json_ld_has_the_required_fields(app) -> None:
    app.build()
    assert warning_lines(app) == []
    [event] = json_ld(app, "index.html")
    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "ML for Systems Workshop at NeurIPS 2020",
        "description": "The workshop on machine learning for systems, online with NeurIPS 2020.",
        "startDate": "2020-12-12T09:00:00-08:00",
        "endDate": "2020-12-12T17:50:00-08:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": "https://neurips.cc/", "name": "Zoomville"},
        # The organizer cards of every page, those of the event's page first; not the speakers.
        "organizer": [
            {
                "@type": "Person",
                "name": "Edsger Dijkstra",
                "url": "https://workshop.example.org/index.html#person-edsger-dijkstra",
            },
            {
                "@type": "Person",
                "name": "Ada Lovelace",
                "affiliation": {"@type": "Organization", "name": "Analytical Engines"},
                "sameAs": ["https://twitter.com/ada", "https://example.org/ada"],
                "url": "https://workshop.example.org/committee.html#person-ada-lovelace",
            },
            {
                "@type": "Person",
                "name": "Alan Turing",
                "url": "https://workshop.example.org/committee.html#person-alan-turing",
            },
        ],
        "url": "https://workshop.example.org/index.html",
    }
    # Nothing visible: the directive only feeds search engines.
    soup = parse_file(app.outdir / "index.html")
    body = soup.select_one("div.body")
    for script in body.select("script"):
        script.decompose()
    assert "Zoomville" not in body.get_text()


@pytest.mark.sphinx("html", testroot="schedule-event", freshenv=True)
def test_event_json_ld_cannot_break_out_of_its_script(app) -> None:
    app.build()
    html = (app.outdir / "escaping.html").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    [event] = json_ld(app, "escaping.html")
    assert event["name"] == 'A </script><script>alert(1)</script> & "quoted" name'
    assert event["startDate"] == "2021-07-10T09:00:00+02:00"
    assert "endDate" not in event
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["location"] == [
        {"@type": "VirtualLocation", "url": "https://workshop.example.org/escaping.html"},
        {"@type": "Place", "name": "Hall <B>"},
    ]


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_other_builders_skip_the_event(make_app, rootdir, sphinx_test_tempdir, builder) -> None:
    srcdir = sphinx_test_tempdir / f"schedule-event-{builder}"
    if not srcdir.exists():
        shutil.copytree(rootdir / "test-schedule-event", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    for path in app.outdir.rglob("*"):
        if path.suffix in {".txt", ".tex", ".xhtml"}:
            text = path.read_text(encoding="utf-8")
            assert "Zoomville" not in text and "EventScheduled" not in text, path


@pytest.mark.sphinx("html", testroot="schedule-event-naive", freshenv=True)
def test_a_time_with_neither_offset_nor_zone_warns_at_its_option(app) -> None:
    """``:start: 2020-12-12T09:00`` with no ``:timezone:``: a local time of no known place. It is
    kept as written (schema.org allows it) and the warning names the option, at its line, in MyST
    and in rST alike (the option is not the directive's first line in either)."""
    app.build()
    assert warning_lines(app, src="") == [
        "index.md:9: WARNING: :start: has no UTC offset and the event has no :timezone: "
        "[workshop.bad_timezone]",
        "rest.rst:6: WARNING: :start: has no UTC offset and the event has no :timezone: "
        "[workshop.bad_timezone]",
    ]
    for page in ("index.html", "rest.html"):
        [event] = json_ld(app, page)
        assert event["startDate"] == "2020-12-12T09:00:00"
        assert "endDate" not in event


@pytest.mark.sphinx("html", testroot="schedule-bad", freshenv=True)
def test_no_organizer_key_without_organizer_cards(app) -> None:
    app.build()
    first, second = json_ld(app, "event.html")
    assert "organizer" not in first and "organizer" not in second
    assert first["name"] == "ML for Systems"
    assert "startDate" not in first and "url" not in first  # bad :start:, no html_baseurl
    assert first["endDate"] == "2020-12-12T17:50:00"  # no valid zone: no offset claimed (and a warning)
    assert "location" not in first and "eventAttendanceMode" not in first


def _rebuild(make_app, srcdir, edit=None):
    """Build (incrementally when *edit* is given, after applying it); (JSON-LD, read, written)."""
    if edit is not None:
        path, old, new = edit
        text = (srcdir / path).read_text(encoding="utf-8")
        assert old in text
        (srcdir / path).write_text(text.replace(old, new), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=edit is None)
    read: list[str] = []
    written: set[str] = set()
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.connect("html-page-context", lambda app, page, *args: written.add(page))
    try:
        app.build()
        [event] = json_ld(app, "event.html")
    finally:
        app.cleanup()
    return [person["name"] for person in event.get("organizer", [])], set(read), written


def test_organizers_follow_an_edit_of_another_page(make_app, rootdir, sphinx_test_tempdir) -> None:
    # The event is on a leaf page (not the root, not a toctree parent), so Sphinx itself would
    # never write it again: only the extension's invalidation can.
    srcdir = sphinx_test_tempdir / "schedule-event-leaf"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-event-leaf", srcdir)
    names, _, _ = _rebuild(make_app, srcdir)
    assert names == ["Edsger Dijkstra", "Ada Lovelace", "Alan Turing"]

    names, read, written = _rebuild(make_app, srcdir, ("committee.md", "Alan Turing", "Grace Hopper"))
    assert names == ["Edsger Dijkstra", "Ada Lovelace", "Grace Hopper"]
    assert read == {"committee"}  # the event page is written again, not read again
    assert "event" in written and "notes" not in written

    edit = ("committee.md", ":affiliation: Analytical Engines", ":affiliation: Difference Engines")
    names, read, written = _rebuild(make_app, srcdir, edit)
    assert read == {"committee"} and "event" in written

    # text around the cards changes nothing the event shows: its page is not written again
    names, read, written = _rebuild(make_app, srcdir, ("committee.md", "Some words", "A few words"))
    assert read == {"committee"} and "event" not in written
    assert names == ["Edsger Dijkstra", "Ada Lovelace", "Grace Hopper"]

    names, read, written = _rebuild(make_app, srcdir, ("notes.md", "A page", "One page"))
    assert read == {"notes"} and "event" not in written


VIRTUAL = {"@type": "VirtualLocation", "url": "https://meet.example.org/"}


@pytest.mark.parametrize(
    ("attendance", "place", "url", "expected"),
    [
        ("online", "Zoomville", "", {"@type": "VirtualLocation", "url": "p.html", "name": "Zoomville"}),
        ("online", "", "https://meet.example.org/", VIRTUAL),
        ("offline", "Hall A", "https://meet.example.org/", {"@type": "Place", "name": "Hall A"}),
        ("offline", "", "https://meet.example.org/", None),  # no place to name
        ("mixed", "Hall A", "https://meet.example.org/", [VIRTUAL, {"@type": "Place", "name": "Hall A"}]),
        ("mixed", "", "https://meet.example.org/", [VIRTUAL]),
        ("", "Hall A", "https://meet.example.org/", None),  # no attendance mode: no location
    ],
)
def test_location_by_attendance(attendance: str, place: str, url: str, expected: object) -> None:
    from sphinx_workshop.schedule.jsonld import _location

    node = {"location": place, "attendance": attendance, "url": url}
    assert _location(node, "p.html") == expected


def test_an_online_event_with_no_address_has_no_location() -> None:
    from sphinx_workshop.schedule.jsonld import _location

    assert _location({"location": "", "attendance": "online", "url": ""}, "") is None

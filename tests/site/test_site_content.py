"""The built site shows everything the original announcement shows, and the 2020 program pages.

The expected text below is data copied from the original page (typos included): the tests never read
the seed, so they run on a fresh clone.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from sitecheck import soup, text

pytestmark = [pytest.mark.slow]

#: The announcement's six paragraphs, word for word; ``[n,m]`` stands for the superscript citation.
PARAGRAPHS = (
    "Compute requirements are growing at an exponential rate[1], and optimizing these computer systems "
    "often involves complex high-dimensional combinatorial problems. Yet, current methods rely heavily on "
    "heuristics. Very recent work has outlined a broad scope where machine learning vastly outperforms these "
    "traditional heuristics, including scheduling[2,12,15], data structure design[3,9], graph clustering and "
    "partioning [7,16], microarchitecture[4], compilers[5,8], memory management[13], circuit design[7,10], "
    "chip floor planning [14], and the control of warehouse scale computing systems[6]. In order to continue "
    "to scale these computer systems, new learning approaches are needed. The goal of this workshop is to "
    "develop novel machine learning methods to optimize and accelerate software and hardware systems.",
    "The main objective of this workshop is to expand upon this recent work and build a community focused "
    "on using machine learning in computer architecture and systems problems. We seek to improve the state "
    "of the art in the areas where learning has already proven to perform better than traditional "
    "heuristics, as well as expand to new areas throughout the system stack such as hardware/circuit design "
    "and operating/runtime systems.",
    "We expect this year to improve the state of the art in areas where learning has already proven to "
    "outperform traditional heuristics. We also expect to expand into new areas throughout the systems "
    "stack, such as computer architecture and operating/runtime systems, and incorporate new ML topics like "
    "relational learning. Given that the community is larger than last year, for NeurIPS 2020, we intend to "
    "foster more discussion through breakout sessions. The interdisciplinary nature of this area makes "
    "NeurIPS an ideal venue for this workshop.",
    "By forming a community of academic and industrial researchers who are excited about this area, we seek "
    "to build towards intelligent, self optimizing systems and answer questions such as: How do we generate "
    "and share high quality datasets that span the layers of the system stack? Which learned representations "
    "best represent code performance and runtime? Which simulators and simulation methodologies provide a "
    "tractable proving ground techniques like reinforcement learning?",
    "To this end, the target audience for this workshop includes a wide variety of attendees from "
    "state-of-the-art researchers in machine learning to domain experts in computer systems design. We have "
    "invited a broad set of expert speakers to present the potential for impact of combining deep learning "
    "research with computer systems. We hope that by providing a formal venue for researchers from both "
    "fields to meet and interact, that the result will include both fundamental research in ML as well as "
    "real-world impact to computer systems design and implementation.",
    "The workshop will host 6 speakers and we invite researchers to submit relevant papers through our call "
    "for papers. The speakers, and potentially other relevant stakeholders, are invited to participate in a "
    "panel discussion to end the workshop.",
)

#: The 16 cited papers: (number, key in source/references.bib, title, link), in the announcement's order.
PAPERS = (
    (1, "ai_and_compute", "AI and Compute", "https://openai.com/blog/ai-and-compute/"),
    (
        2,
        "device_placement",
        "Device Placement Optimization with Reinforcement Learning",
        "https://arxiv.org/pdf/1706.04972.pdf",
    ),
    (3, "learned_index", "The Case for Learned Index Structures", "https://arxiv.org/abs/1712.01208"),
    (4, "memory_access_patterns", "Learning Memory Access Patterns", "https://arxiv.org/pdf/1803.02329.pdf"),
    (
        5,
        "optimization_heuristics",
        "End to End Deep Learning of Optimization Heuristics",
        "https://ieeexplore.ieee.org/document/8091247/?reload=true",
    ),
    (
        6,
        "datacentre_cooling",
        "DeepMind AI Reduces Google Data Centre Cooling Bill by 40%",
        "https://deepmind.com/blog/deepmind-ai-reduces-google-data-centre-cooling-bill-40/",
    ),
    (
        7,
        "gap",
        "GAP: Generalizable Approximate Graph Partitioning Framework",
        "https://arxiv.org/pdf/1903.00614.pdf",
    ),
    (
        8,
        "ithemal",
        "Ithemal: Accurate, Portable and Fast Basic Block Throughput Estimation using Deep Neural Networks",
        "https://arxiv.org/abs/1808.07412",
    ),
    (
        9,
        "join_queries",
        "Learning to Optimize Join Queries With Deep Reinforcement Learning",
        "https://arxiv.org/abs/1808.03196",
    ),
    (10, "design_circuits", "Learning to Design Circuits", "https://arxiv.org/abs/1812.02734"),
    (
        11,
        "deepconf",
        "DeepConf: Automating Data Center Network Topologies Management with Machine Learning.",
        "https://arxiv.org/abs/1712.03890",
    ),
    (
        12,
        "cluster_scheduling",
        "Scheduling Algorithms for Data Processing Clusters.",
        "https://arxiv.org/abs/1810.01963",
    ),
    (
        13,
        "memory_allocation",
        "Learning-based Memory Allocation for C++ Server Workloads",
        "https://research.google/pubs/pub49008/",
    ),
    (
        14,
        "chip_placement",
        "Chip Placement with Deep Reinforcement Learning",
        "https://arxiv.org/abs/2004.10746",
    ),
    (
        15,
        "gdp",
        "GDP: Generalized Device Placement for Dataflow Graphs",
        "https://openreview.net/forum?id=SkxW23NtPH",
    ),
    (
        16,
        "normalized_cuts",
        "Generalized Clustering by Learning to Optimize Expected Normalized Cuts",
        "https://arxiv.org/abs/1910.07623",
    ),
)
KEY_OF = {number: key for number, key, _, _ in PAPERS}

#: The organizing committee: (name, affiliation, Twitter handle as the announcement writes it).
ORGANIZERS = (
    ("Anna Goldie", "Google Brain", "annadgoldie"),
    ("Azalia Mirhoseini", "Google Brain", "Azaliamirh"),
    ("Jonathan Raiman", "NVIDIA", "jonathanrraiman"),
    ("Martin Maas", "Google Brain", "martin_maas"),
    ("Xinlei Xu", "NYU", "MimeeXu"),
)
STEERING = (("Milad Hashemi", "Google Brain", "miladhash"), ("Kevin Swersky", "Google Brain", "kswersk"))
SPEAKERS = (
    "Christina Delimitrou",
    "Ed Chi",
    "Bryan Catanzaro",
    "Benoit Steiner",
    "Justin Gottschlich",
    "Kunle Olukotun",
)
#: Contributed talks of the schedule: the CMT export's paper ids (the PDFs' names) of their papers.
CONTRIBUTED = {
    "program_cummins_2020",
    "deff-arts_sadiq_2020",
    "learning_wu_2020",
    "a_deep_baghdadi_2020",
    "nvcell_ren_2020",
    "a_general_agnesina_2020",
    "using_shi_2020",
    "apollo_yazdanbakhsh_2020",
    "learned_abu-libdeh_2020",
    "matrix_shahcheraghi_2020",
    "optimizing_khadka_2020",
    "fireplace_balaji_2020",
    "resonance_gupchup_2020",
    "cadet_iqbal_2020",
    "highly_kumar_2020",
    "controlflag_hasabnis_2020",
    "vlsi_placement_lu_2020",
}
PDF_BASE = "https://mlforsystems.org/assets/papers/neurips2020/"


def paper_key(paper_id: str) -> str:
    """The citing key of the accepted paper *paper_id* of the site's CMT export."""
    from sphinx_workshop.accepted.records import key_for

    return key_for("cmt", paper_id)


def paper_page(paper_id: str) -> str:
    """The page of the accepted paper *paper_id*, with the paper's anchor."""
    key = paper_key(paper_id)
    return f"papers/{key}.html#{paper_anchor(key)}"


MAILTO = "mailto:mlforsystems@googlegroups.com"


def paper_anchor(key: str) -> str:
    """The HTML id of a paper entry (the papers feature's public helper)."""
    from sphinx_workshop.papers import anchor_for

    return anchor_for(key)


def person_anchor(name: str) -> str:
    """The HTML id of a person's card (the people feature's public helper)."""
    from sphinx_workshop.people import anchor_for

    return anchor_for(name)


def article(site_html, page: str):
    """The content part of a built page (without the theme's navigation)."""
    found = soup(site_html.outdir / page).select_one("article.bd-article")
    assert found is not None
    return found


def heading_text(heading) -> str:
    """A heading's text without the theme's "#" permalink."""
    return " ".join(
        t for t in heading.find_all(string=True) if not t.find_parent("a", class_="headerlink")
    ).strip()


def sup_as_brackets(paragraph) -> str:
    """The paragraph's text with each superscript written ``[..]``, whitespace collapsed."""
    parts = []
    for piece in paragraph.descendants:
        if getattr(piece, "name", None) == "sup":
            parts.append(f"[{text(piece)}]")
        elif isinstance(piece, str) and not any(p.name == "sup" for p in piece.parents):
            parts.append(str(piece))
    return " ".join("".join(parts).split())


def test_site_builds_without_warnings(site_html) -> None:
    assert site_html.status == 0
    assert site_html.warnings == ""


@pytest.mark.parametrize("page", ["index.html", "call_for_papers.html", "accepted_papers.html"])
def test_original_urls_at_the_root(site_html, page) -> None:
    assert (site_html.outdir / page).is_file()


def test_title_and_banner(site_html) -> None:
    main = article(site_html, "index.html")
    assert heading_text(main.select_one("h1")) == "ML For Systems"
    # The phase banner: every phase is on the page for the reader's clock; the build's (after the
    # workshop, built later than 12 December 2020) is the one shown.
    phases = main.select("div.sw-phase > div.sw-phase-block")
    assert len(phases) == 4
    shown = [block for block in phases if not block.has_attr("hidden")]
    assert [text(block) for block in shown] == [
        "The workshop took place on December 12, 2020: see the accepted papers."
    ]
    links = shown[0].select("a")
    assert [a["href"] for a in links] == ["call_for_papers.html#date-workshop", "accepted_papers.html"]
    first = phases[0].select_one("strong")
    assert text(first) == "Call for papers open until October 9, 2020, 23:59 AoE"
    assert [a["href"] for a in first.select("a")] == [
        "call_for_papers.html",
        "call_for_papers.html#date-submission",
    ]


@pytest.mark.parametrize("index", range(len(PARAGRAPHS)))
def test_announcement_paragraph_word_for_word(site_html, index) -> None:
    main = article(site_html, "index.html")
    rendered = [sup_as_brackets(p) for p in main.select("p")]
    assert PARAGRAPHS[index] in rendered


def test_every_citation_links_to_its_papers(site_html) -> None:
    main = article(site_html, "index.html")
    first = next(p for p in main.select("p") if text(p).startswith("Compute requirements"))
    sups = first.select("sup")
    expected = re.findall(r"\[([\d,]+)\]", PARAGRAPHS[0])
    assert [text(s) for s in sups] == expected
    for sup, numbers in zip(sups, expected, strict=True):
        hrefs = [a["href"] for a in sup.select("a[href]")]
        wanted = [f"#{paper_anchor(KEY_OF[int(n)])}" for n in numbers.split(",")]
        assert [h[h.index("#") :] for h in hrefs] == wanted
        titles = {a.get("title") for a in sup.select("a[href]")}
        assert None not in titles


@pytest.mark.parametrize(("number", "key", "title", "url"), PAPERS, ids=[p[1] for p in PAPERS])
def test_every_cited_paper_is_listed(site_html, number, key, title, url) -> None:
    main = article(site_html, "index.html")
    entry = main.find(id=paper_anchor(key))
    assert entry is not None, key
    links = [a for a in entry.select("a[href]") if a["href"] == url]
    assert links, f"no link to {url}"
    assert title in text(entry)
    entries = main.select(f"[id^={paper_anchor('')}]")
    assert [e["id"] for e in entries].index(paper_anchor(key)) == number - 1
    numbered = entry.find_parent("ol")
    if numbered is not None:  # an <ol> numbers its items itself
        assert (
            int(numbered.get("start", 1))
            + numbered.find_all("li", recursive=False).index(
                entry if entry.name == "li" else entry.find_parent("li")
            )
            == number
        )
    else:
        assert re.match(rf"\[?{number}[\].\s]", text(entry)), text(entry)


@pytest.mark.parametrize(("name", "affiliation", "handle"), ORGANIZERS + STEERING)
def test_every_organizer_has_a_card(site_html, name, affiliation, handle) -> None:
    page = "committees.html" if (name, affiliation, handle) in STEERING else "index.html"
    card = article(site_html, page).find(id=person_anchor(name))
    assert card is not None, name
    assert name in text(card)
    assert affiliation in text(card)
    assert card.select_one(f'a[href="https://twitter.com/{handle}"]') is not None


def mailto_links(element) -> list:
    """The ``mailto:mlforsystems@...`` links (Sphinx cloaks the address with entities and ``%40``)."""
    return [a for a in element.select("a[href]") if unquote(a["href"]) == MAILTO]


def test_contact(site_html) -> None:
    main = article(site_html, "index.html")
    assert "Contact Us" in [heading_text(h) for h in main.select("h2")]
    assert [text(a) for a in mailto_links(main)] == ["mlforsystems@googlegroups.com"]
    assert "Contact us at mlforsystems@googlegroups.com." in [text(p) for p in main.select("p")]


def test_event_json_ld(site_html) -> None:
    page = soup(site_html.outdir / "index.html")
    (script,) = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "Event"
    assert data["name"] == "ML for Systems Workshop at NeurIPS 2020"
    assert data["startDate"] == "2020-12-12T09:00:00-08:00"
    assert data["endDate"] == "2020-12-12T17:50:00-08:00"
    organizers = {person["name"] for person in data["organizer"]}
    assert {name for name, _, _ in ORGANIZERS} <= organizers


def test_call_for_papers(site_html) -> None:
    main = article(site_html, "call_for_papers.html")
    body = text(main)
    for fact in (
        "October 2nd",
        "October 9th",
        "4 pages",
        "NeurIPS 2020 style",
        "CMT",
        "MLFS2020",
        "November 29, 2020",
        "December 12th",
        "no formal proceedings",
    ):
        assert fact in body, fact
    assert mailto_links(main)
    dates = main.select("div.sw-dates li.sw-date")
    assert [(li["id"], text(li.select_one(".sw-date-when"))) for li in dates] == [
        ("date-submission", "October 9, 2020, 23:59 AoE"),
        ("date-notification", "October 28, 2020"),
        ("date-camera-ready", "November 29, 2020, 23:59 AoE"),
        ("date-workshop", "December 12, 2020"),
    ]
    assert [text(old) for old in main.select("div.sw-dates del")] == [
        "October 2, 2020, 23:59 AoE",
        "October 23, 2020",
    ]
    assert all("sw-date-past" in li["class"] for li in dates)  # the site is built after the workshop
    assert main.select_one("div.sw-dates a.sw-dates-ics")["href"] == "call_for_papers-dates.ics"


def test_program_links_talks_to_papers_and_speakers(site_html) -> None:
    main = article(site_html, "program.html")
    times = main.select("time[datetime]")
    assert times[0]["datetime"] == "2020-12-12T09:00:00-08:00"
    hrefs = {a["href"] for a in main.select("a[href]")}
    for paper_id in CONTRIBUTED:
        assert paper_page(paper_id) in hrefs, paper_id
    for name in SPEAKERS:
        anchor = person_anchor(name)
        assert f"#{anchor}" in hrefs or f"program.html#{anchor}" in hrefs, name
        card = main.find(id=anchor)
        assert card is not None and name in text(card)
    assert (site_html.outdir / "neurips2020.ics").is_file()


def test_program_speakers_grid_links_each_talk_back(site_html) -> None:
    main = article(site_html, "program.html")
    cards = main.select(".sw-person-grid.sw-speaker-grid > .sw-person-card.sw-person-speaker")
    assert [text(card.select_one(".sw-person-name")) for card in cards] == list(SPEAKERS)
    for card in cards:
        assert card.select_one(".sw-person-affiliation") is None  # the facts give none
        links = card.select("p.sw-person-talk a[href^='#slot-']")
        assert len(links) == 1, card["id"]
        line = main.find(id=links[0]["href"][1:])
        assert line is not None and line.select_one(f"a[href='#{card['id']}']") is not None
    # only Benoit Steiner's talk has a title in the facts
    titled = [text(card.select_one("p.sw-person-talk")) for card in cards]
    assert titled[3] == (
        "Talk: Value Function Based Performance Optimization of Deep Learning Workloads, "
        "Saturday, December 12, 2020, 13:50\u201314:25 (PST)"
    )
    assert all(talk.startswith("Talk: Saturday, December 12, 2020, ") for talk in titled[:3] + titled[4:])


def test_accepted_papers(site_html) -> None:
    main = article(site_html, "accepted_papers.html")
    entries = main.select("li.sw-accepted-entry")
    assert len(entries) == 18
    titles = [text(e.select_one(".sw-accepted-title")) for e in entries]
    assert titles == sorted(titles, key=str.casefold)
    pages = {a["href"] for e in entries for a in e.select(".sw-accepted-title a[href]")}
    assert len(pages) == 18 and all(href.startswith("papers/cmt-") for href in pages)
    cadet = text(next(e for e in entries if "CADET" in text(e)))
    assert "Md Shahriar Iqbal" in cadet and "Pooyan Jamshidi" in cadet


def test_every_accepted_paper_page_links_its_pdf_and_its_slot(site_html) -> None:
    from sphinx_workshop.accepted.records import key_for

    pdfs = set()
    for path in sorted((site_html.outdir / "papers").glob("cmt-*.html")):
        page = article(site_html, f"papers/{path.name}")
        pdfs |= {a["href"] for a in page.select("a.sw-accepted-link") if a["href"].startswith(PDF_BASE)}
        slot = page.select_one("p.sw-accepted-slot a[href]")
        assert slot is not None and slot["href"].startswith("../program.html#slot-"), path.name
    assert len(pdfs) == 18
    cadet = article(site_html, f"papers/{key_for('cmt', 'cadet_iqbal_2020')}.html")
    assert f"{PDF_BASE}cadet_iqbal_2020.pdf" in {a["href"] for a in cadet.select("a[href]")}
    assert "16:05" in text(cadet.select_one("p.sw-accepted-slot"))


def test_committees(site_html) -> None:
    main = article(site_html, "committees.html")
    members = [text(li) for li in main.select(".program-committee li")]
    assert len(members) == 28
    assert "Yaroslav Bulatov (DiUX)" in members
    assert "Neeraja Yadwadkar (Stanford)" in members
    assert "Yanqi Zhou" in members


def test_calendar_has_every_talk(site_html) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical((site_html.outdir / "neurips2020.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    # One event per talk: 17 contributed talks (the sub-items of the 4 sessions), 6 invited talks,
    # and the opening, two breaks, lunch and the closing.
    assert len(events) == 17 + 6 + 5
    assert len({str(event["UID"]) for event in events}) == len(events)
    summaries = [str(event["SUMMARY"]) for event in events]
    assert [s for s in summaries if s.startswith("Invited talk: ")] == [
        f"Invited talk: {name}"
        + (
            ", “Value Function Based Performance Optimization of Deep Learning Workloads”"
            if name == "Benoit Steiner"
            else ""
        )
        for name in SPEAKERS
    ]
    contributed = [s for s in summaries if s.startswith("Contributed talks: ")]
    assert len(contributed) == len(CONTRIBUTED)
    sessions = " ".join(contributed)
    talks = [a for a in article(site_html, "program.html").select("a[href^='papers/cmt-']")]
    assert len({a["href"] for a in talks}) == len(CONTRIBUTED) + 1  # + the invited talk's paper
    for talk in talks:
        assert text(talk) in sessions or text(talk).startswith("Value Function"), text(talk)
    assert events[0].decoded("DTSTART").isoformat() == "2020-12-12T17:00:00+00:00"
    assert events[-1].decoded("DTEND").isoformat() == "2020-12-13T01:50:00+00:00"

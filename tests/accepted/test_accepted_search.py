"""The search and filter box of the accepted-papers index: its markup, the builders that leave it out,
and (in Debian's chromium) filtering, the URL state, ``file://``, the keyboard, and no JavaScript."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from browserkit import axe_violations, chromium_session, serve
from kit import build, copy_root, parse_file, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request, Route

ROOT = "accepted-site"
SCRIPT = "accepted-search.js"
#: The entries of the session-grouped index, in its order: (title, group).
ENTRIES = [
    ("Tail Latency Prediction", "Morning"),
    ("Learned Schedulers", "Morning"),
    ("Compilers That Learn", "Morning"),
    ("A Spotlight on <b>Caches</b>", "Afternoon"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("search")
    return build(copy_root(ROOT, tmp), tmp / "build")


# --- markup -----------------------------------------------------------------------------------------


def test_the_box_is_a_hidden_labelled_search_landmark_first_in_the_index(built: SphinxTestApp) -> None:
    index = soup(built, "accepted").select_one("div.sw-accepted-index")
    form = index.find(True)  # the first element of the index
    assert form.name == "form" and form["class"] == ["sw-accepted-search"]
    assert form.has_attr("hidden")  # shown by the script only
    assert form["role"] == "search" and form["aria-label"] == "Filter the accepted papers"
    field = form.select_one("input[type=search]")
    assert field["name"] == "q"
    assert form.select_one(f'label[for="{field["id"]}"]').get_text() == "Filter by title, author or keyword"
    select = form.select_one("select")
    assert form.select_one(f'label[for="{select["id"]}"]').get_text() == "Group"
    assert [(o["value"], o.get_text()) for o in select.select("option")] == [
        ("", "All groups"),
        ("Morning", "Morning"),
        ("Afternoon", "Afternoon"),
    ]
    status = form.select_one("p.sw-accepted-status")
    assert (status["role"], status["aria-live"]) == ("status", "polite")
    assert form["data-status"] == "{shown} of {total} papers shown"
    assert form.select("[onclick], [oninput], [onchange], [onkeydown], [onsubmit]") == []


def test_the_box_holds_one_entry_of_data_per_paper_in_the_order_of_the_list(built: SphinxTestApp) -> None:
    html = Path(built.outdir, "accepted.html").read_text(encoding="utf-8")
    index = soup(built, "accepted").select_one("div.sw-accepted-index")
    data = json.loads(index.select_one('form script[type="application/json"]').string)
    titles = [a.get_text() for a in index.select("li.sw-accepted-entry p.sw-accepted-title a")]
    assert titles == [title for title, _group in ENTRIES]
    assert [group for group, _text in data] == [group for _title, group in ENTRIES]
    assert data[0][1] == "Tail Latency Prediction Ann Lee Bo Kim latency prediction"  # keywords too
    assert data[1][1] == "Learned Schedulers Eve Gee Fay Hü"
    assert data[3][1] == "A Spotlight on <b>Caches</b> Dee Eff ml systems"
    # the export's markup cannot end the script element: < and > are JSON escapes in the page
    assert "\\u003cb\\u003eCaches" in html and "<b>Caches" not in html


def test_a_decision_index_gets_its_own_box_and_groups(built: SphinxTestApp) -> None:
    index = soup(built, "cmt").select_one("div.sw-accepted-index")
    form = index.select_one("form.sw-accepted-search")
    assert form["id"] == "sw-accepted-search-cmt"
    assert [o["value"] for o in form.select("option")] == ["", "Poster", "Accepted papers"]
    data = json.loads(form.select_one("script").string)
    assert len(data) == len(index.select("li.sw-accepted-entry")) == 3
    assert not any("@" in text for _group, text in data)  # no e-mail address


def test_the_script_is_added_only_to_the_pages_holding_an_index(built: SphinxTestApp) -> None:
    def scripts(page: str) -> list[str]:
        return [s["src"] for s in soup(built, page).select("script[src]") if SCRIPT in s["src"]]

    assert [src.split("?")[0] for src in scripts("accepted")] == [f"_static/sphinx-workshop/{SCRIPT}"]
    assert len(scripts("cmt")) == 1
    assert scripts("index") == [] and scripts("papers/paper-p1") == []
    tag = soup(built, "accepted").select_one(f'script[src*="{SCRIPT}"]')
    assert tag.has_attr("defer")
    assert Path(built.outdir, "_static", "sphinx-workshop", SCRIPT).is_file()


@pytest.mark.parametrize(
    ("language", "field", "status"),
    [
        ("fr", "Filtrer par titre, auteur ou mot-clé", "{shown} articles affichés sur {total}"),
        ("zh_CN", "按标题、作者或关键词筛选", "显示 {shown} / {total} 篇论文"),
    ],
)
def test_the_box_speaks_the_language_of_the_site(
    language: str, field: str, status: str, tmp_path: Path
) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "build", confoverrides={"language": language})
    form = soup(app, "accepted").select_one("form.sw-accepted-search")
    assert form.select_one("label").get_text() == field
    assert form["data-status"] == status


@pytest.mark.parametrize("builder", ["latex", "text", "epub"])
def test_other_builders_leave_the_box_out(builder: str, tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "build", builder)
    assert [line for line in warning_lines(app) if "export_value" not in line] == []
    out = Path(app.outdir)
    if builder == "latex":
        text = next(out.glob("*.tex")).read_text(encoding="utf-8")
    elif builder == "text":
        text = (out / "accepted.txt").read_text(encoding="utf-8")
    else:
        page = parse_file(out / "accepted.xhtml")
        assert page.select("form, script") == [] and page.select_one(".sw-accepted-index") is not None
        text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.xhtml"))
        assert SCRIPT not in text  # no page of the book loads the script
    assert "Learned Schedulers" in text  # the list itself is there
    assert "Filter by title" not in text and "papers shown" not in text and "All groups" not in text


# --- in the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built: SphinxTestApp) -> Iterator[str]:
    """The built root on a loopback server: its base URL."""
    with serve(Path(built.outdir)) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(site: str) -> Iterator[Browser]:
    with chromium_session() as browser:
        yield browser


class Visit:
    """A fresh browser context on the served root: the requests it made and its console errors."""

    def __init__(self, browser: Browser, base: str, **options: object) -> None:
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context: BrowserContext = browser.new_context(reduced_motion="reduce", **options)
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Route, request: Request) -> None:
        self.requests.append(request.url)
        if urlsplit(request.url).netloc == urlsplit(self.base).netloc:
            route.continue_()
        else:
            route.abort()

    def foreign(self) -> list[str]:
        """Requests to any host but the page's own."""
        own = urlsplit(self.base).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
        ]

    def shown(self) -> list[str]:
        """The titles of the entries shown, in order."""
        return self.page.locator("li.sw-accepted-entry:visible p.sw-accepted-title").all_inner_texts()

    def headings(self) -> list[str]:
        return self.page.locator("p.sw-accepted-group:visible").all_inner_texts()

    def status(self) -> str:
        return self.page.locator(".sw-accepted-status").inner_text()


@pytest.fixture
def visit(chromium: Browser, site: str) -> Iterator[Visit]:
    got = Visit(chromium, site)
    try:
        yield got
        assert got.errors == [], "console errors"
        assert got.foreign() == [], "requests to another host"
    finally:
        got.context.close()


TITLES = [title for title, _group in ENTRIES]


@pytest.mark.browser
def test_typing_filters_the_entries_and_updates_the_status(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.base + "accepted.html")
    field = page.get_by_label("Filter by title, author or keyword")
    assert field.is_visible()
    assert visit.status() == "4 of 4 papers shown"
    field.fill("schedulers")
    assert visit.shown() == ["Learned Schedulers"]
    assert visit.status() == "1 of 4 papers shown"
    assert visit.headings() == ["Morning"]  # Afternoon has no match: its heading is hidden too
    assert page.locator("p.sw-accepted-group", has_text="Afternoon").get_attribute("hidden") is not None
    hidden = page.locator("li.sw-accepted-entry[hidden]")
    assert hidden.count() == 3  # hidden with the attribute, not only by style
    field.fill("SYSTEMS")  # a keyword, in capitals
    assert visit.shown() == ["A Spotlight on <b>Caches</b>"] and visit.headings() == ["Afternoon"]
    field.fill("fay hu")  # "Fay Hü": accents and case do not matter, every word must match
    assert visit.shown() == ["Learned Schedulers"]
    field.fill("LÉE tail")  # an accent in the query, none in the text
    assert visit.shown() == ["Tail Latency Prediction"]
    field.fill("nothing like this")
    assert visit.shown() == [] and visit.headings() == [] and visit.status() == "0 of 4 papers shown"
    field.fill("")
    assert visit.shown() == TITLES and visit.headings() == ["Morning", "Afternoon"]
    assert "?" not in page.url  # an empty query leaves no trace in the URL


@pytest.mark.browser
def test_the_group_select_filters_and_the_state_survives_a_reload(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.base + "accepted.html#top")
    page.get_by_label("Group").select_option("Afternoon")
    assert visit.shown() == ["A Spotlight on <b>Caches</b>"] and visit.headings() == ["Afternoon"]
    page.get_by_label("Filter by title, author or keyword").fill("learn")
    assert visit.shown() == []
    page.get_by_label("Group").select_option("Morning")
    assert visit.shown() == ["Learned Schedulers", "Compilers That Learn"]
    assert visit.status() == "2 of 4 papers shown"
    assert page.url.endswith("accepted.html?q=learn&group=Morning#top")  # the fragment is kept
    page.reload()
    assert page.get_by_label("Filter by title, author or keyword").input_value() == "learn"
    assert page.get_by_label("Group").input_value() == "Morning"
    assert visit.shown() == ["Learned Schedulers", "Compilers That Learn"]
    # a link from elsewhere with a state, then back and forward
    page.goto(visit.base + "accepted.html?q=tail")
    assert visit.shown() == ["Tail Latency Prediction"]
    page.goto(visit.base + "index.html")
    page.go_back()
    assert visit.shown() == ["Tail Latency Prediction"]
    assert page.get_by_label("Filter by title, author or keyword").input_value() == "tail"
    # an unknown group is all groups
    page.goto(visit.base + "accepted.html?group=Evening")
    assert visit.shown() == TITLES and page.get_by_label("Group").input_value() == ""


@pytest.mark.browser
def test_keyboard_only(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.base + "accepted.html")
    field = page.get_by_label("Filter by title, author or keyword")
    for _step in range(40):  # Tab from the top of the page to the field
        page.keyboard.press("Tab")
        if field.evaluate("(el) => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the field")
    page.keyboard.type("compilers")
    assert visit.shown() == ["Compilers That Learn"]
    page.keyboard.press("Enter")  # no submission, no reload
    assert visit.shown() == ["Compilers That Learn"] and "q=compilers" in page.url
    page.keyboard.press("Escape")
    assert field.input_value() == "" and visit.shown() == TITLES
    page.keyboard.press("Tab")  # on to the group select: no trap
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("Tab")  # the set's .bib
    assert page.evaluate("document.activeElement.textContent") == "Download all as BibTeX (.bib)"
    page.keyboard.press("Tab")  # and on to the first paper
    assert page.evaluate("document.activeElement.textContent") == "Tail Latency Prediction"


@pytest.mark.browser
def test_it_works_from_a_file_url(chromium: Browser, built: SphinxTestApp) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        url = Path(built.outdir, "accepted.html").as_uri()
        page.goto(url)
        page.get_by_label("Filter by title, author or keyword").fill("caches")
        assert page.locator("li.sw-accepted-entry:visible").count() == 1
        assert page.url == url + "?q=caches"
        page.reload()
        assert page.locator("li.sw-accepted-entry:visible").all_inner_texts()[0].startswith("A Spotlight")
        assert errors == []
        assert [r for r in requests if not r.startswith("file://")] == []
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_every_entry_shows_and_the_box_does_not(chromium: Browser, site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "accepted.html?q=caches&group=Afternoon")
        assert page.locator("li.sw-accepted-entry:visible").count() == len(ENTRIES)
        assert page.locator("p.sw-accepted-group:visible").count() == 2
        assert not page.locator("form.sw-accepted-search").is_visible()
        assert page.get_by_label("Filter by title, author or keyword").is_hidden()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_box_has_no_axe_violation(chromium: Browser, site: str, scheme: str) -> None:
    visit = Visit(chromium, site, color_scheme=scheme)
    try:
        visit.page.goto(site + "accepted.html?q=learn")
        assert visit.status() == "2 of 4 papers shown"
        assert axe_violations(visit.page, ".sw-accepted-index") == []
        assert re.fullmatch(r"\d+ of \d+ papers shown", visit.status())
        assert visit.errors == [] and visit.foreign() == []
    finally:
        visit.context.close()

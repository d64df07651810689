"""Synthetic projects: the same papers, pages and citations written for each of the three variants.

Everything comes from one seeded ``random.Random``, so a size always gives the same content.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

#: The three variants, in the order they are built (and interleaved).
VARIANTS: tuple[str, ...] = ("ext", "bibtex", "plain")
VARIANT_NAMES: dict[str, str] = {
    "ext": "sphinx-workshop",
    "bibtex": "sphinxcontrib-bibtex",
    "plain": "plain Sphinx",
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(
    "learning neural network graph compiler scheduling cache memory placement device kernel tensor "
    "optimization search policy reinforcement cost model latency throughput cluster storage index "
    "database query planner join cardinality estimation prefetching branch prediction register "
    "allocation autotuning hardware accelerator systolic array sparse dense embedding attention "
    "transformer recurrent convolution gradient descent reward agent environment simulation trace "
    "workload benchmark profile runtime operator fusion partition pipeline parallel distributed "
    "federated datacenter power thermal energy efficient scalable robust adaptive learned structure "
    "hash bloom filter tree sort heuristic program synthesis superoptimization loop vectorization "
    "instruction selection code generation network congestion control video streaming bitrate "
    "admission resource management container serverless configuration tuning"
)
SURNAMES = _words(
    "Abadi Bengio Chen Dean Ermon Finn Goldie Hashemi Isard Jia Kraska Levine Mirhoseini Narayanan "
    "Olukotun Pham Quoc Ranganathan Swersky Tang Ullman Vinyals Wang Xu Yang Zaharia Alizadeh Beutel "
    "Cummins Dubey Elmeleegy Fedorova Gonzalez Hellerstein Iyer Jordan Karpathy Leskovec Mao "
    "Nadathur Ousterhout Patterson Ré Stoica Talwalkar Udupa Venkataraman Wu Yu Zhou"
)
GIVEN = _words(
    "Ada Alan Barbara Carlos Dana Edsger Frances Grace Hao Ines John Kai Leslie Maria Niklaus Olga "
    "Pat Qi Radia Sanjay Tim Ursula Vint Wei Xin Yoshua Zoe"
)
VENUES = (
    "Advances in Neural Information Processing Systems",
    "International Conference on Machine Learning",
    "International Conference on Learning Representations",
    "Symposium on Operating Systems Principles",
    "USENIX Symposium on Networked Systems Design and Implementation",
    "International Symposium on Computer Architecture",
    "Conference on Programming Language Design and Implementation",
    "International Conference on Management of Data",
    "Conference on Machine Learning and Systems",
)


@dataclass(frozen=True)
class Size:
    """How big a synthetic project is, and how many times each build is timed by default."""

    name: str
    papers: int
    pages: int
    cites_per_page: int
    runs: int
    #: "synthetic" (one field mix, plain titles) or "real" (the field mix of exported .bib files).
    corpus: str = "synthetic"
    #: "citations" (papers cited from pages) or "accepted" (a page per accepted paper: bench.accepted).
    suite: str = "citations"


SIZES: dict[str, Size] = {
    "tiny": Size("tiny", 50, 5, 3, 1),
    "tiny-real": Size("tiny-real", 50, 5, 3, 1, "real"),
    "small": Size("small", 1_000, 100, 20, 3),
    "large": Size("large", 10_000, 500, 20, 3),
    "large-real": Size("large-real", 10_000, 500, 20, 3, "real"),
    "huge": Size("huge", 50_000, 500, 20, 1),
    "accepted-tiny": Size("accepted-tiny", 12, 0, 0, 1, suite="accepted"),
    "accepted": Size("accepted", 5_000, 0, 0, 3, suite="accepted"),
}


@dataclass(frozen=True)
class Paper:
    """One synthetic paper, as the BibTeX file and the plain references page both show it."""

    key: str
    number: int
    title: str
    authors: tuple[str, ...]
    venue: str
    year: int
    url: str


#: A page is a list of blocks: a heading (str starting with "#") or a paragraph, itself a list of
#: segments (plain text, or the key of a cited paper wrapped in a one-element tuple).
Segment = str | tuple[str]
Block = str | list[Segment]


@dataclass
class Content:
    """The variant-independent content of a project."""

    size: Size
    papers: list[Paper]
    pages: dict[str, list[Block]] = field(default_factory=dict)

    @cached_property
    def by_key(self) -> dict[str, Paper]:
        """Papers by key."""
        return {paper.key: paper for paper in self.papers}


def make_content(size: Size, seed: int = 2020) -> Content:
    """The papers and pages of *size*, the same for a given seed."""
    rng = random.Random(seed)
    papers = []
    for i in range(size.papers):
        year = rng.randint(1995, 2020)
        title_words = rng.sample(WORDS, rng.randint(4, 10))
        title = " ".join(title_words).capitalize()
        authors = tuple(f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 5)))
        surname = authors[0].split(",")[0].lower().replace("é", "e")
        key = f"{surname}{year}{title_words[0]}{i}"
        url = f"https://example.org/papers/{key}.pdf"
        papers.append(Paper(key, i + 1, title, authors, rng.choice(VENUES), year, url))
    content = Content(size, papers)
    for p in range(1, size.pages + 1):
        content.pages[page_name(p)] = _make_page(rng, p, papers, size.cites_per_page)
    return content


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 20))
    return " ".join(words).capitalize()


def _make_page(rng: random.Random, number: int, papers: list[Paper], cites: int) -> list[Block]:
    sentences: list[list[Segment]] = [[_sentence(rng), (rng.choice(papers).key,), ". "] for _ in range(cites)]
    sentences += [[_sentence(rng) + ". "] for _ in range(max(3, cites // 2))]
    rng.shuffle(sentences)
    blocks: list[Block] = [f"# Page {number}: {_sentence(rng).lower()}"]
    for start in range(0, len(sentences), 5):
        if start and start % 10 == 0:
            blocks.append(f"## Section {start // 10}: {_sentence(rng).lower()}")
        blocks.append([segment for sentence in sentences[start : start + 5] for segment in sentence])
    blocks.append(["Last edited: never."])
    return blocks


def page_name(number: int) -> str:
    """The docname of page *number* (1-based)."""
    return f"page{number:04d}"


# -- Variants --------------------------------------------------------------------------------------

CONF_COMMON = """\
project = "bench"
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = []
html_theme = "alabaster"
# No global navigation in the sidebar: it renders the whole toctree on every page, a cost that grows
# as pages squared in Sphinx itself, the same for all variants, and would hide the cost of citations.
html_sidebars = {"**": ["localtoc.html", "searchbox.html"]}
"""

CONFS: dict[str, str] = {
    "ext": 'extensions = ["myst_parser", "sphinx_workshop"]\n',
    "bibtex": (
        'extensions = ["myst_parser", "sphinxcontrib.bibtex"]\n'
        'bibtex_bibfiles = ["refs.bib"]\n'
        'bibtex_reference_style = "super"\n'
        'bibtex_default_style = "plain"\n'
    ),
    "plain": 'extensions = ["myst_parser"]\n',
}


def cite_markup(variant: str, paper: Paper) -> str:
    """How *variant* cites *paper* inline."""
    if variant == "ext":
        return f"{{cite}}`{paper.key}`"
    if variant == "bibtex":
        return f"{{cite:p}}`{paper.key}`"
    return f"{{ref}}`[{paper.number}] <{paper.key}>`"


def render_page(variant: str, blocks: list[Block], by_key: dict[str, Paper]) -> str:
    """The MyST source of a page for *variant*."""
    out = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        text = "".join(s if isinstance(s, str) else cite_markup(variant, by_key[s[0]]) for s in block)
        out.append(text.strip())
    return "\n\n".join(out) + "\n"


def render_index(content: Content) -> str:
    """The root page: a toctree of every page and the references page."""
    entries = "\n".join([*content.pages, "references"])
    return f"# Synthetic project\n\n```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n"


def render_bib(papers: list[Paper], corpus: str = "synthetic") -> str:
    """The BibTeX file of *papers* (*corpus* "real": see :mod:`bench.corpus`)."""
    if corpus == "real":
        from bench.corpus import render_real_bib

        return render_real_bib(papers)
    entries = []
    for paper in papers:
        authors = " and ".join(paper.authors)
        entries.append(
            f"@inproceedings{{{paper.key},\n"
            f"  title = {{{paper.title}}},\n"
            f"  author = {{{authors}}},\n"
            f"  booktitle = {{{paper.venue}}},\n"
            f"  year = {{{paper.year}}},\n"
            f"  url = {{{paper.url}}},\n"
            f"}}\n"
        )
    return "\n".join(entries)


def render_references(variant: str, papers: list[Paper]) -> str:
    """The references page: every paper listed (cited or not), in file order."""
    if variant == "ext":
        body = "```{references}\n:bibfile: refs.bib\n```\n"
    elif variant == "bibtex":
        body = "```{bibliography}\n:all:\n```\n"
    else:
        items = []
        for paper in papers:
            authors = "; ".join(paper.authors)
            items.append(
                f"({paper.key})=\n"
                f"**[{paper.number}]** {authors}. [{paper.title}]({paper.url}). "
                f"*{paper.venue}*, {paper.year}.\n"
            )
        body = "\n".join(items)
    return f"# References\n\n{body}"


@dataclass
class Project:
    """One variant of a synthetic project on disk, and the edits the incremental scenarios make."""

    variant: str
    content: Content
    root: Path
    papers: list[Paper] = field(init=False)

    def __post_init__(self) -> None:
        self.papers = list(self.content.papers)

    @property
    def srcdir(self) -> Path:
        """Where conf.py and the sources are."""
        return self.root / "src"

    def outdir(self, name: str = "html") -> Path:
        """An output folder (doctrees go inside it, Sphinx's default)."""
        return self.root / name

    def write(self) -> None:
        """Write the baseline sources (undoing every edit)."""
        self.papers = list(self.content.papers)
        src = self.srcdir
        src.mkdir(parents=True, exist_ok=True)
        by_key = self.content.by_key
        (src / "conf.py").write_text(CONF_COMMON + CONFS[self.variant], encoding="utf-8")
        (src / "index.md").write_text(render_index(self.content), encoding="utf-8")
        for name, blocks in self.content.pages.items():
            (src / f"{name}.md").write_text(render_page(self.variant, blocks, by_key), encoding="utf-8")
        self._write_papers()

    def _write_papers(self, *, references_page: bool = True) -> None:
        src = self.srcdir
        if self.variant != "plain":
            bib = render_bib(self.papers, self.content.size.corpus)
            (src / "refs.bib").write_text(bib, encoding="utf-8")
        if references_page or self.variant == "plain":
            text = render_references(self.variant, self.papers)
            (src / "references.md").write_text(text, encoding="utf-8")

    def _page(self, index: int) -> str:
        names = list(self.content.pages)
        return names[index % len(names)]

    def edit_page_text(self, run: int) -> None:
        """Change one sentence of the middle page (no citation changes)."""
        name = self._page(len(self.content.pages) // 2)
        blocks: list[Block] = [*self.content.pages[name][:-1], [f"Last edited: run {run}."]]
        text = render_page(self.variant, blocks, self.content.by_key)
        (self.srcdir / f"{name}.md").write_text(text, encoding="utf-8")

    def add_citation(self, run: int) -> None:
        """Add one citation (to a paper chosen by *run*) at the end of the first page."""
        name = self._page(0)
        paper = self.content.papers[(run * 7919) % len(self.content.papers)]
        blocks: list[Block] = [*self.content.pages[name], ["One more citation", (paper.key,), "."]]
        text = render_page(self.variant, blocks, self.content.by_key)
        (self.srcdir / f"{name}.md").write_text(text, encoding="utf-8")

    def edit_papers(self, run: int) -> None:
        """Change the title of one paper in the BibTeX file (plain: on the references page)."""
        index = len(self.papers) // 2
        old = self.content.papers[index]
        self.papers[index] = Paper(
            old.key, old.number, f"{old.title} (revised {run})", old.authors, old.venue, old.year, old.url
        )
        # Only the BibTeX file changes (the references page's source stays as it is), except in
        # the plain variant where the references page *is* the list of papers.
        self._write_papers(references_page=False)

"""The machine a run happened on, and the section of ``bench/README.md`` that records the latest results."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.report import render

README = Path(__file__).resolve().with_name("README.md")
SECTION = ("<!-- bench:start -->", "<!-- bench:end -->")
RESULTS = ("<!-- bench-results:start -->", "<!-- bench-results:end -->")
#: The markers of each suite's results (citations: RESULTS; accepted papers: their own block).
BLOCKS = {"citations": RESULTS, "accepted": ("<!-- bench-accepted:start -->", "<!-- bench-accepted:end -->")}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM, and the versions that matter."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": round(_ram_gb(), 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sphinx": _version("sphinx"),
        "myst-parser": _version("myst-parser"),
        "sphinxcontrib-bibtex": _version("sphinxcontrib-bibtex"),
        "sphinx-workshop": _version("sphinx-workshop"),
    }


def machine_text(info: dict[str, Any]) -> str:
    """One line describing the machine."""
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM; {info['os']}; "
        f"Python {info['python']}, Sphinx {info['sphinx']}, myst-parser {info['myst-parser']}, "
        f"sphinxcontrib-bibtex {info['sphinxcontrib-bibtex']}"
    )


def results_markdown(data: dict[str, Any]) -> str:
    """What --write-readme puts between the results markers."""
    return "\n".join(
        [
            f"Latest results ({data['date']}), from `{data['command']}` "
            f"({data['total_s'] / 60:.0f} min in all),",
            f"on {machine_text(data['machine'])}.",
            *([data["note"]] if data.get("note") else []),
            "",
            render(data),
        ]
    )


def by_suite(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """*data* split by the suite of its sizes (each part's total time: that of its sizes)."""
    parts: dict[str, dict[str, Any]] = {}
    for name, size in data["sizes"].items():
        part = parts.setdefault(size.get("suite", "citations"), {**data, "sizes": {}})
        part["sizes"][name] = size
    if len(parts) > 1:
        for part in parts.values():
            part["total_s"] = sum(size.get("elapsed_s", 0) for size in part["sizes"].values())
    return parts


def write_readme(data: dict[str, Any], readme: Path = README) -> None:
    """Replace the results parts of the README's bench section with *data*.

    The results of each suite go between its markers (:data:`BLOCKS`) inside the bench section, so the
    prose around them (how to run, where the time goes) and the results of a suite not measured stay;
    missing markers are added at the end of the section.
    """
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(SECTION[0]), text.index(SECTION[1])
    section = text[start:end]
    for suite, part in by_suite(data).items():
        first, last = BLOCKS[suite]
        block = f"{first}\n{results_markdown(part)}\n{last}"
        if first in section and last in section:
            before, rest = section.split(first, 1)
            after = rest.split(last, 1)[1]
            section = before + block + after
        else:
            section = section.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(text[:start] + section + text[end:], encoding="utf-8")

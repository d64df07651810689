"""The machine a run happened on, and the README section that records the latest results."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.report import render

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = ("<!-- bench:start -->", "<!-- bench:end -->")
RESULTS = ("<!-- bench-results:start -->", "<!-- bench-results:end -->")


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


def write_readme(data: dict[str, Any], readme: Path = README) -> None:
    """Replace the results part of the README's bench section with *data*.

    The generated text goes between the results markers inside the bench section, so the prose
    around it (how to run, where the time goes) stays; the markers are added if missing.
    """
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(SECTION[0]), text.index(SECTION[1])
    section = text[start:end]
    block = f"{RESULTS[0]}\n{results_markdown(data)}\n{RESULTS[1]}"
    if RESULTS[0] in section and RESULTS[1] in section:
        before, rest = section.split(RESULTS[0], 1)
        after = rest.split(RESULTS[1], 1)[1]
        section = before + block + after
    else:
        section = section.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(text[:start] + section + text[end:], encoding="utf-8")

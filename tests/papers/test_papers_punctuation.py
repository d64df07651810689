"""An entry's title (or authors, or venue) that already ends a sentence gets no second full stop."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def built(build_once):
    """The punctuation root, built once."""
    return build_once("papers-punctuation")


def test_no_warnings(built) -> None:
    assert warning_lines(built) == []


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (
            "deepconf",
            "DeepConf: Automating Data Center Network Topologies Management with Machine Learning. "
            "Saim Salman, Christopher Streiffer, Huan Chen, Theophilus Benson, Asim Kadav. NetAI, 2018.",
        ),
        (
            "mao",
            "Learning Scheduling Algorithms for Data Processing Clusters. "
            "Hongzi Mao, Mohammad Alizadeh. ACM SIGCOMM, 2019.",
        ),
        ("why", "Can Learned Models Replace Hash Functions? Ibrahim Sabek, Tim Kraska Jr."),
        ("wow", "It Works!"),
        ("plain", "A Title Without Full Stop. Proc."),
    ],
)
def test_one_full_stop(built, key: str, text: str) -> None:
    entry = soup(built).select_one(f"#paper-{key} p.sw-papers-entry")
    shown = entry.get_text().removesuffix("\u21a9").strip()
    assert shown == text
    assert ".." not in shown

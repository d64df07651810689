"""Papers travel through ``objects.inv``: a second project links to a paper of the first."""

from __future__ import annotations

from kit import soup, warning_lines


def test_intersphinx_round_trip(build_once) -> None:
    a = build_once("papers-basic")
    inventory = str(a.outdir / "objects.inv")
    b = build_once(
        "papers-intersphinx",
        confoverrides={"intersphinx_mapping": {"a": ("https://a.example.org/", inventory)}},
    )
    assert warning_lines(b) == []
    links = soup(b).select("div.body p a.reference.external")
    assert [(a["href"], a.get_text()) for a in links] == [
        (
            "https://a.example.org/index.html#paper-mirhoseini2017device",
            "Device Placement Optimization with Reinforcement Learning",
        ),
        ("https://a.example.org/index.html#paper-kraska2018case", "the learned index"),
    ]

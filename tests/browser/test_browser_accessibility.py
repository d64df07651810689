"""axe-core on every page of the built site, at desktop and phone widths, light and dark: no violation.

axe runs its default rules (WCAG 2.x A/AA and best practices) plus the rules it tags "experimental",
among them ``label-content-name-mismatch`` (WCAG 2.5.3), which the theme's search button used to fail.
No rule is disabled; theme problems are fixed in ``_templates/``.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from pagekit import MODES, VIEWPORTS, browse, site_pages, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

AXE = Axe()


def axe_violations(page) -> list[str]:
    """One line per violation (rule, impact, up to three offending selectors) of the loaded page."""
    page.evaluate(AXE.axe_script)
    experimental = page.evaluate("axe.getRules(['experimental']).map((rule) => rule.ruleId)")
    assert "label-content-name-mismatch" in experimental
    options = {"resultTypes": ["violations"], "rules": {rule: {"enabled": True} for rule in experimental}}
    results = AXE.run(page, options=options).response
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")[:160]
        lines.append(f"{violation['id']} ({violation['impact']}): {targets} {summary}")
    return lines


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violation_on_any_page(chromium, site_html, site_url, viewport, mode) -> None:
    found = []
    with browse(chromium, site_url, viewport, mode) as (page, _log):
        for name in site_pages(site_html.outdir):
            visit(page, site_url + name, mode)
            found += [f"{name}: {line}" for line in axe_violations(page)]
    assert not found, "\n".join(found)

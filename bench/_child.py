"""Run one Sphinx build as ``python -m sphinx`` would, then record what it cost.

Usage: ``python bench/_child.py RESULT.json [--profile OUT.prof] -- <sphinx-build arguments>``.
Run as a script by the harness (never imported), so that the peak memory it reads with
``getrusage`` is that of this build alone. Writes ``{"status", "rss_kb", "children_rss_kb",
"cpu_s"}`` to RESULT.json.
"""

from __future__ import annotations

import json
import resource
import sys


def main(argv: list[str]) -> int:
    """Build, then write the result file."""
    split = argv.index("--")
    own, sphinx_args = argv[:split], argv[split + 1 :]
    result_path = own[0]
    profile_out = own[own.index("--profile") + 1] if "--profile" in own else None

    from sphinx.cmd.build import main as sphinx_main

    if profile_out:
        import cProfile

        profiler = cProfile.Profile()
        status = profiler.runcall(sphinx_main, sphinx_args)
        profiler.dump_stats(profile_out)
    else:
        status = sphinx_main(sphinx_args)

    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "status": status,
        "rss_kb": me.ru_maxrss,
        "children_rss_kb": children.ru_maxrss,
        "cpu_s": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
    }
    with open(result_path, "w", encoding="utf-8") as stream:
        json.dump(result, stream)
    return 0


if __name__ == "__main__":
    # Run as a script, sys.path[0] is bench/: drop it so nothing there shadows a module Sphinx imports.
    sys.path.pop(0)
    raise SystemExit(main(sys.argv[1:]))

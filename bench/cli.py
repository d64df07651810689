"""Command line of ``python -m bench`` (``make bench BENCHOPTS="..."``)."""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.generate import SIZES, VARIANTS, Size
from bench.measure import BuildFailed, compile_extension
from bench.readme import README, machine, write_readme
from bench.report import render, summarise, targets
from bench.scenarios import SCENARIOS, log, run_size


def _choices(allowed: list[str] | tuple[str, ...]) -> Any:
    def parse(value: str) -> list[str]:
        items = [item.strip() for item in value.split(",") if item.strip()]
        bad = [item for item in items if item not in allowed]
        if bad or not items:
            raise argparse.ArgumentTypeError(f"choose among {', '.join(allowed)} (comma-separated)")
        return items

    return parse


def parser() -> argparse.ArgumentParser:
    """The options."""
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="Build cost of sphinx-workshop, sphinxcontrib-bibtex and plain Sphinx (issue 6).",
    )
    p.add_argument(
        "--size",
        action="append",
        choices=list(SIZES),
        help="tiny (N=50 P=5 C=3), small (N=1,000 P=100 C=20), large (N=10,000 P=500 C=20), "
        "huge (N=50,000 P=500 C=20); tiny-real and large-real: the real-world-shaped corpus; "
        "accepted (N=5,000 accepted papers, a page each) and accepted-tiny (N=12); "
        "repeatable; default: small, large and accepted",
    )
    p.add_argument("--runs", type=int, help="timed runs per build (default: 3; tiny: 1)")
    p.add_argument(
        "--variants",
        type=_choices(VARIANTS),
        default=list(VARIANTS),
        help="comma-separated among ext, bibtex, plain (default: all; accepted papers: ext and plain)",
    )
    p.add_argument(
        "--scenarios",
        type=_choices(list(SCENARIOS)),
        default=list(SCENARIOS),
        help=f"comma-separated among {', '.join(SCENARIOS)} (default: all)",
    )
    p.add_argument("--out", type=Path, help="write the results (every sample) as JSON here")
    p.add_argument("--write-readme", action="store_true", help="put the results in bench/README.md")
    p.add_argument("--readme", type=Path, default=README, help="the file --write-readme edits")
    p.add_argument(
        "--note", help="a sentence --write-readme adds above the results (e.g. how quiet the machine was)"
    )
    p.add_argument("--from-json", type=Path, help="report (and --write-readme) a saved --out file, no builds")
    p.add_argument(
        "--profile",
        action="store_true",
        help="instead: one build of the first variant (default ext) and scenario (default full) at the first "
        "size (default small) under cProfile; prints where the time goes",
    )
    p.add_argument(
        "--papers", type=int, help="override N (makes a size named 'custom' from the first --size)"
    )
    p.add_argument("--pages", type=int, help="override P (likewise)")
    p.add_argument("--cites", type=int, help="override C, citations per page (likewise)")
    p.add_argument("--check", action="store_true", help="exit with status 2 when a target FAILs")
    p.add_argument("--seed", type=int, default=2020, help="seed of the synthetic content (default 2020)")
    p.add_argument("--workdir", type=Path, help="generate projects here (default: a temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the generated projects")
    return p


def _sizes(args: argparse.Namespace) -> list[Size]:
    names = args.size or (["small"] if args.profile else ["small", "large", "accepted"])
    if not (args.papers or args.pages or args.cites):
        return [SIZES[name] for name in names]
    base = SIZES[names[0]]
    custom = replace(
        base,
        name="custom",
        papers=args.papers or base.papers,
        pages=args.pages or base.pages,
        cites_per_page=args.cites or base.cites_per_page,
        runs=3,
    )
    return [custom]


def _run(args: argparse.Namespace, sizes: list[Size], workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    data: dict[str, Any] = {
        "command": "python -m bench " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "python -m bench",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "seed": args.seed,
        "sizes": {},
    }
    for size in sizes:
        runs = args.runs or size.runs
        size_started = time.perf_counter()
        variants = [v for v in VARIANTS if v in args.variants]
        results = run_size(size, variants, args.scenarios, runs, workdir, args.seed)
        data["sizes"][size.name] = {
            "params": {"papers": size.papers, "pages": size.pages, "cites_per_page": size.cites_per_page},
            "suite": size.suite,
            "runs": runs,
            "elapsed_s": time.perf_counter() - size_started,
            "results": {
                v: {s: summarise(samples) for s, samples in by_s.items()} for v, by_s in results.items()
            },
        }
    data["total_s"] = time.perf_counter() - started
    return data


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or the profile) and print the report.

    Exit status: 0, or 1 when a build failed, or 2 with ``--check`` when a target is not met.
    """
    args = parser().parse_args(argv)
    sizes = _sizes(args)
    if args.from_json:
        data = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sphinx-workshop-bench-"))
        compile_extension()
        try:
            if args.profile:
                from bench.profiling import profile

                variant = args.variants[0]
                print(profile(sizes[0], variant, args.scenarios[0], workdir, args.seed))
                return 0
            data = _run(args, sizes, workdir)
        except BuildFailed as error:
            log(f"build failed: {error}")
            return 1
        finally:
            if args.keep or args.workdir:
                log(f"projects kept in {workdir}")
            else:
                shutil.rmtree(workdir, ignore_errors=True)
    if args.out:
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(render(data))
    print(f"\nTotal time: {data['total_s']:.0f} s.")
    if args.write_readme:
        if args.note:
            data["note"] = args.note
        write_readme(data, args.readme)
        log(f"{args.readme} updated")
    failed = [t for t in targets(data) if t.ok is False]
    return 2 if args.check and failed else 0

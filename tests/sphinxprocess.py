"""``sphinx-build`` in a Python of its own, without importing Sphinx again for each build.

A build in the test process would leave state behind for the next (an in-process sphinx-book-theme build
makes a later pydata-sphinx-theme build of the same process fail), and a new interpreter for each build
spends half of a small build importing. multiprocessing's fork server is started once per test process
with Sphinx, MyST, the five themes and the extension imported, and nothing built; each build runs in a
child forked from it, which starts where a fresh ``python -m sphinx`` would be once its imports are done,
and none of ``tests/conftest.py``'s speed-ups is in it.
"""

from __future__ import annotations

import contextlib
import functools
import io
import multiprocessing
import os
import subprocess
from multiprocessing.connection import Connection
from pathlib import Path

#: What every build of a new site imports: Sphinx's command line, MyST, the five themes, the extension.
PRELOAD = [
    "sphinx.cmd.build",
    "myst_parser",
    "alabaster",
    "furo",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
    "sphinx_rtd_theme",
    "sphinx_workshop",
]


@functools.cache
def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _build(result: Connection, args: list[str], cwd: str, environ: dict[str, str]) -> None:
    """In the child: the caller's folder and environment, then ``sphinx-build`` with its output kept."""
    from sphinx.cmd.build import main

    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(environ)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(args)
        except SystemExit as exit:
            status = exit.code if isinstance(exit.code, int) else 1
    result.send((status, out.getvalue(), err.getvalue()))
    result.close()


def sphinx_build(
    args: list[str], *, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build *args*`` in a child of the fork server, in *cwd* (default: this process's folder)
    with this process's environment; its exit status and what it wrote, as ``subprocess.run`` gives them."""
    command = ["sphinx-build", *args]
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_build, args=(send, args, str(cwd or Path.cwd()), dict(os.environ)))
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            child.kill()
            raise subprocess.TimeoutExpired(command, timeout)
        try:
            return subprocess.CompletedProcess(command, *receive.recv())
        except EOFError:  # the child ended without a word (a crash, a signal): its exit code below
            pass
    finally:
        child.join()
        receive.close()
    return subprocess.CompletedProcess(
        command, child.exitcode or 1, "", f"the build ended with {child.exitcode}"
    )

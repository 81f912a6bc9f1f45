"""``sphinx-jobdesc`` run in this process, as the tests of its commands call it."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

from sphinx_jobdesc import cli

REPO = Path(__file__).parents[1]


def run(*args: str | Path, cwd: Path = REPO, stdin: str = ""
        ) -> subprocess.CompletedProcess[str]:
    """``sphinx-jobdesc ARGS`` in this process (its exit code, standard output and error,
    *stdin* as its input): the same ``main()`` as the installed command, without
    starting Python each time."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        saved, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            code = cli.main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse's own usage errors, --help, --version
            code = stop.code if isinstance(stop.code, int) else 2
        finally:
            sys.stdin = saved
    return subprocess.CompletedProcess(["sphinx-jobdesc", *map(str, args)], code,
                                       out.getvalue(), err.getvalue())

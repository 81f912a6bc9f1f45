"""What hostile role files cost: time and peak memory, against a clean role file.

The hostile files are those of ``tests/test_resources.py`` (an alias bomb,
100,000 levels of nesting, a 1 MB line as plain text and as ``markup: rst``, a
10 MB file, a 300-file ``extends`` chain). Each is checked by
``sphinx-jobdesc check`` and built by ``sphinx-build`` (one page rendering it)
in a fresh process; the baseline is the same for a clean role file, in the
same run. It prints each case's wall time and peak RSS, and both as ratios to
the baseline (this machine is shared and noisy: read the ratios).

Run: ``python benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_resources import ROLE, files  # the tests' hostile files

MEASURE = """\
import resource, sys, time
start = time.perf_counter()
{call}
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      file=sys.stderr)
"""
CHECK = "from sphinx_jobdesc.cli import main\nmain(['check', sys.argv[1]])"
BUILD = ("from sphinx.cmd.build import build_main\n"
         "build_main(['-q', '-b', 'html', sys.argv[1], sys.argv[1] + '/_build'])")


def measure(call: str, argument: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of *call* in a fresh Python process."""
    result = subprocess.run([sys.executable, "-c", MEASURE.format(call=call), str(argument)],
                            capture_output=True, text=True, check=False, timeout=600)
    seconds, kib = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024


def project(folder: Path, roles: dict[str, str], name: str) -> Path:
    src = folder / f"project-{name}"
    (src / "roles").mkdir(parents=True)
    for role, content in roles.items():
        (src / "roles" / f"{role}.yaml").write_text(content, encoding="utf8")
    (src / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\n', encoding="utf8")
    (src / "index.rst").write_text(f"Page\n====\n\n.. jobdescription:: {name}\n",
                                   encoding="utf8")
    return src


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        hostile = files()
        cases = ["baseline", "bomb", "deep", "longline", "longrst", "huge", "chain0"]
        roles = {"baseline": ROLE.format(summary="Builds fast APIs with the team."), **hostile}
        print(f"{'case':<10} {'check s':>8} {'MiB':>6} {'x time':>7} {'x MiB':>6}   "
              f"{'build s':>8} {'MiB':>6} {'x time':>7} {'x MiB':>6}")
        base: dict[str, tuple[float, float]] = {}
        for case in cases:
            path = folder / f"{case}.yaml"
            path.write_text(roles[case], encoding="utf8")
            chain = {k: v for k, v in hostile.items() if k.startswith("chain")}
            src = project(folder, {case: roles[case], **(chain if case == "chain0" else {})},
                          case)
            row = []
            for kind, call, argument in (("check", CHECK, path), ("build", BUILD, src)):
                seconds, mib = measure(call, argument)
                base.setdefault(kind, (seconds, mib))
                row.append(f"{seconds:8.2f} {mib:6.0f} {seconds / base[kind][0]:7.1f} "
                           f"{mib / base[kind][1]:6.2f}")
            print(f"{case:<10} " + "   ".join(row))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

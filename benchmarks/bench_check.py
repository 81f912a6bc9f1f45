"""Is ``sphinx-jobdesc check`` fast enough to run on every commit?

Generates N role files (the roles of ``bench_build.py`` with their interview
guides: about 100 lines each, extending a shared company file, clean under every
check) and times, in fresh processes, interleaved:

- ``check``: ``sphinx-jobdesc check`` on the folder (load, validate, merge each
  level, every check and the lint);
- ``parse``: the baseline, a Python process that only parses the same files
  with PyYAML's C loader, which any YAML-reading tool must do.

It prints the median wall and CPU time of each, the ratio check / parse (the
headline, comparable across machines) and the milliseconds per file.

Run: ``python benchmarks/bench_check.py --files 1000 --repeat 5``.

With ``--instructions`` it counts instead, once each, the instructions both
commands execute under valgrind's callgrind (``apt install valgrind``): the same
number on a busy machine as on a quiet one, so the ratio of two runs (or of two
commits) can be compared even where times cannot. Use fewer files there:
callgrind runs about 50 times slower (``--files 200``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_build import COMPANY, role_file

HERE = Path(__file__).parent
PARSE_ONLY = """\
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
"""


def generate(folder: Path, files: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "_company.yaml").write_text(COMPANY)
    for index in range(files - 1):
        (folder / f"role-{index}.yaml").write_text(role_file(index, guides=True))


#: The environment of both commands: Python writes its bytecode cache, as on a user's
#: machine (where PYTHONDONTWRITEBYTECODE is set, every run would compile our modules
#: again and the check would pay for it, the bare parse hardly).
ENVIRONMENT = {name: value for name, value in os.environ.items()
               if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of *command* in a fresh process; it must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[0]} failed with status {status}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def instructions(command: list[str]) -> int:
    """The instructions *command* executes (callgrind's count; it must succeed)."""
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                             *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=ENVIRONMENT, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind: {result.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "check")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under callgrind instead of timing")
    args = parser.parse_args()
    folder = args.workdir / "roles"
    generate(folder, args.files)
    check = str(Path(sys.executable).parent / "sphinx-jobdesc")
    commands = {
        "check": [check, "check", str(folder)],
        "parse": [sys.executable, "-c", PARSE_ONLY, str(folder)],
    }
    for command in commands.values():
        timed(command)  # warm the file and bytecode caches
    if args.instructions:
        counts = {name: instructions(command) for name, command in commands.items()}
        print(f"files: {args.files}; instructions (callgrind): " + ", ".join(
            f"{name} {count / 1e6:,.0f}M" for name, count in counts.items()))
        print(f"check / parse: {counts['check'] / counts['parse']:.2f}x instructions; "
              f"check: {counts['check'] / 1e6 / args.files:.1f}M per file")
        return
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            seconds, cpu_seconds = timed(command)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    ratios = [c / p for c, p in zip(cpu["check"], cpu["parse"], strict=True)]
    print(f"files: {args.files}, repetitions: {args.repeat} (interleaved, fresh processes)")
    for name in commands:
        runs = ", ".join(f"{t:.2f}" for t in cpu[name])
        print(f"  {name:5s} wall median {statistics.median(wall[name]):6.2f} s   CPU median "
              f"{statistics.median(cpu[name]):6.2f} s  [{runs}]")
    per_file = statistics.median(wall["check"]) * 1000 / args.files
    print(f"check / parse: {statistics.median(ratios):.2f}x CPU (median of pairs); "
          f"check: {per_file:.2f} ms per file (wall)")


if __name__ == "__main__":
    main()

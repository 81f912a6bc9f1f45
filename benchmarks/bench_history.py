"""What do ``sphinx-jobdesc diff`` and ``jobhistory`` cost on a handbook with history?

Generates a git repository of N roles (those of ``bench_build.py``, with their
interview guides) and C commits after the first, each editing one role (a
reworded responsibility; every tenth a salary; every fiftieth the shared base
file, which changes every role), then times in fresh processes, interleaved:

- ``parse``: the baseline, PyYAML's C loader over the roles folder once;
- ``diff``: ``sphinx-jobdesc diff FIRST HEAD`` (both sides, every role);
- ``history``: every role's history (``core.history.read_history``: one git log,
  one cat-file, the roles each commit can change resolved again);
- ``build-history`` / ``build-plain``: ``sphinx-build -b html`` of N pages, each with
  a ``jobhistory`` (or with the same title and no directive).

It prints median CPU seconds, ratios to ``parse``, milliseconds per role (diff),
per commit (history) and per page (the build's extra for a history).

Run: ``python benchmarks/bench_history.py --roles 200 --commits 500 --repeat 3``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench_build import COMPANY, role_file
from bench_check import PARSE_ONLY, timed

HERE = Path(__file__).parent
HISTORY_ONLY = """\
import sys
from sphinx_jobdesc.core.history import read_history
read_history(sys.argv[1], "text", public=False)
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def generate(repo: Path, roles: int, commits: int) -> None:
    shutil.rmtree(repo, ignore_errors=True)
    folder = repo / "roles"
    folder.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "bench@example.com")
    git(repo, "config", "user.name", "Bench")
    (folder / "_company.yaml").write_text(COMPANY)
    texts = {index: role_file(index, guides=True) for index in range(roles)}
    for index, text in texts.items():
        (folder / f"role-{index}.yaml").write_text(text)
    pages = "\n".join(f"   role-{index}" for index in range(roles))
    (repo / "index.rst").write_text(f"Roles\n=====\n\n.. toctree::\n\n{pages}\n")
    (repo / "conf.py").write_text("extensions = ['sphinx_jobdesc']\nproject = 'Bench'\n"
                                  "html_sidebars = {'**': []}\njobdesc_checks = []\n")
    for index in range(roles):
        (repo / f"role-{index}.rst").write_text(
            f"Role {index}\n{'=' * 20}\n\n.. jobhistory:: role-{index}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Roles")
    for number in range(1, commits + 1):
        if number % 50 == 0:  # the base file: every role changes
            path = folder / "_company.yaml"
            path.write_text(re.sub(r"a realistic length( \(\d+\))?",
                                   f"a realistic length ({number})", path.read_text(), count=1))
        else:
            index = number * 7 % roles
            path = folder / f"role-{index}.yaml"
            text = path.read_text()
            if number % 10 == 0:
                text = re.sub(r"max: \d+", f"max: {90000 + number}", text)
            else:
                text = re.sub(r"Responsibility 0( \(\d+\))? of", f"Responsibility 0 ({number}) of",
                              text)
            path.write_text(text)
        git(repo, "commit", "-q", "-am", f"Change {number}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "history")
    args = parser.parse_args()
    repo = args.workdir / "handbook"
    generate(repo, args.roles, args.commits)
    first = subprocess.run(["git", "-C", str(repo), "rev-list", "--max-parents=0", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.strip()
    jobdesc = str(Path(sys.executable).parent / "sphinx-jobdesc")
    plain = args.workdir / "plain"
    shutil.copytree(repo, plain, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
    for index in range(args.roles):
        (plain / f"role-{index}.rst").write_text(f"Role {index}\n{'=' * 20}\n\nA page.\n")
    build = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html"]
    commands = {
        "parse": [sys.executable, "-c", PARSE_ONLY, str(repo / "roles")],
        "diff": [jobdesc, "diff", "--conf-dir", str(repo), first, "HEAD"],
        "history": [sys.executable, "-c", HISTORY_ONLY, str(repo / "roles")],
        "build-history": [*build, str(repo), str(args.workdir / "out-history")],
        "build-plain": [*build, str(plain), str(args.workdir / "out-plain")],
    }
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            cpu[name].append(timed(command)[1])
    median = {name: statistics.median(values) for name, values in cpu.items()}
    print(f"roles: {args.roles}, commits: {args.commits}, repetitions: {args.repeat} "
          "(interleaved, fresh processes; CPU seconds, median)")
    for name, value in median.items():
        print(f"  {name:14s} {value:7.2f} s  ({value / median['parse']:.1f}x parse)")
    extra = (median["build-history"] - median["build-plain"]) * 1000 / args.roles
    print(f"diff: {median['diff'] * 1000 / args.roles:.1f} ms per role; history: "
          f"{median['history'] * 1000 / args.commits:.1f} ms per commit; a history page "
          f"costs {extra:+.1f} ms over a plain one")


if __name__ == "__main__":
    main()

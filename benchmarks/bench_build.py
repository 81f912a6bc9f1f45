"""How much does rendering a page from a role file cost, compared with writing it by hand?

Generates two handbooks with the same N roles: one whose pages use
``.. jobdescription::`` and ``.. interviewguide::`` on generated role files
(about 8 responsibilities, 12 requirements and 6 benefits each, extending a
shared company file) with a job description page per role; with ``--guides``
the role files also hold 4 competencies with anchors and 3 interview stages of
3 questions, and each role gets an interview guide page too. The other
handbook's pages contain the very same reStructuredText written out by hand
(the limit). Both are built from scratch
with ``sphinx-build -b html -E`` in fresh processes, interleaved, several
times. The script prints median wall and CPU (user + system) times, the median
of the per-pair CPU ratios (the headline: CPU time is what the code costs, wall
time also counts the neighbours on a shared machine), the extra milliseconds
per page, and each build's peak memory.

Run: ``python benchmarks/bench_build.py --roles 200 --repeat 5``. Timings are
only compared within one run (shared machines are noisy); tests never assert
them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sphinx_jobdesc.core.resolve import resolve_role
from sphinx_jobdesc.core.views.interview import build_guide
from sphinx_jobdesc.core.vocabulary import INTERVIEWGUIDE_SECTIONS, JOBDESCRIPTION_SECTIONS
from sphinx_jobdesc.locale import labels
from sphinx_jobdesc.templating import environment, render

HERE = Path(__file__).parent
COMPANY = """\
about: |
  Acme builds the scheduling platform that thousands of clinics use to run their day.
  We work from Berlin and remotely across Germany.
employment_type: [FULL_TIME]
location:
  type: hybrid
  places: [{locality: Berlin, country: DE}]
benefits:
""" + "".join(f"  - {{id: benefit-{i}, text: Benefit number {i} with a realistic length of "
              f"a dozen words or so}}\n" for i in range(6)) + """\
how_to_apply: Send your CV and a few sentences about a system you are proud of.
posting:
  date_posted: 2026-11-01
  apply_url: "https://careers.example.com/apply"
  hiring_organization: {name: Acme}
"""


def role_file(index: int, guides: bool) -> str:
    """A role that passes every check, as a maintained handbook's roles do."""
    lines = [
        "extends: _company",
        f"title: Role {index} Developer",
        "team: Platform",
        "summary: |",
        f"  You build and run the services of team {index}: the APIs our apps call, the",
        "  data they store and the jobs that keep calendars in sync.",
        "compensation: {currency: EUR, period: YEAR, min: 60000, max: 90000}",
        "responsibilities:",
        *(f'  - {{id: resp-{i}, text: "Responsibility {i} of role {index}: design, build and '
          f'document the services and APIs of the team"}}' for i in range(8)),
        "requirements:",
        "  must:",
        *(f'    - {{id: must-{i}, text: "Must-have requirement {i}: professional experience '
          f'with a relevant technology"' + (f", competencies: [comp-{i % 4}]" if guides else "")
          + "}" for i in range(8)),
        "  nice:",
        *(f'    - {{id: nice-{i}, text: "Nice-to-have {i}: experience with caching or '
          f'profiling"}}' for i in range(4)),
        "faq:",
        "  - {q: 'Can I work remotely?', a: 'Yes, from anywhere in Germany.'}",
    ]
    if guides:
        lines += interview_lines()
    return "\n".join(lines) + "\n"


def interview_lines() -> list[str]:
    return [
        "competencies:",
        *(f"  - {{id: comp-{c}, name: Competency {c}, description: What competency {c} means "
          f"in this role, anchors: {{1: Weak answer {c}., 2: Partial answer {c}., "
          f"3: Good answer {c}., 4: Excellent answer {c}.}}}}" for c in range(4)),
        "interview:",
        "  stages:",
        *(line for s in range(3) for line in (
            f"    - id: stage-{s}",
            f"      title: Stage {s}",
            "      duration_minutes: 45",
            "      interviewers: Two developers",
            f"      purpose: What stage {s} of the interview is for, in a sentence.",
            "      instructions: Ask every question in order and take notes.",
            f"      focus: [comp-{s}, comp-{s + 1}]",
            "      questions:",
            *(f"        - {{id: q-{s}-{q}, title: Question {q}, text: 'How would you handle "
              f"situation {q} of stage {s}?', type: technical, "
              f"competencies: [comp-{s + q % 2}], "
              f"duration_minutes: 10, follow_ups: ['And then?'], look_for: ['Specifics'], "
              f"red_flags: ['Blame']}}" for q in range(3)),
        )),
    ]


def generate(root: Path, roles: int, *, by_hand: bool, guides: bool, checks: bool = True
             ) -> None:
    """Write the handbook; by hand means the directive's RST is written into each page."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "roles").mkdir(parents=True)
    (root / "roles" / "_company.yaml").write_text(COMPANY)
    extensions = '["sphinx_jobdesc"]' if not by_hand else "[]"
    (root / "conf.py").write_text(f"extensions = {extensions}\nproject = 'Bench'\n"
                                  + ("" if checks else "jobdesc_checks = []\n"))
    names = [f"role-{i}" for i in range(roles)]
    toctree = "\n".join(f"   {name}" + (f"\n   {name}-guide" if guides else "")
                        for name in names)
    (root / "index.rst").write_text(f"Roles\n=====\n\n.. toctree::\n\n{toctree}\n")
    env = environment(())
    for index, name in enumerate(names):
        path = root / "roles" / f"{name}.yaml"
        path.write_text(role_file(index, guides))
        bar = "#" * (5 + len(str(index)))
        head = f"{bar}\nRole {index}\n{bar}\n\n"  # a title style the generated RST does not use
        pages = {name: "jobdescription"}
        if guides:
            pages[f"{name}-guide"] = "interviewguide"
        if not by_hand:
            for page, directive in pages.items():
                (root / f"{page}.rst").write_text(head + f".. {directive}:: {name}\n")
            continue
        role = resolve_role(str(path), None, roles_dir=str(root / "roles"), markup="text").role
        assert role is not None
        context = {"role": role, "labels": labels({}), "heading_mode": "section",
                   "layout": "plain", "scorecard": True,
                   "guide": build_guide(role, None, "interviewer")}
        for page, directive in pages.items():
            sections = (JOBDESCRIPTION_SECTIONS if directive == "jobdescription"
                        else INTERVIEWGUIDE_SECTIONS)
            rst = render(env, [f"{directive}.rst.jinja"],
                         {**context, "sections": list(sections)}).text
            assert rst is not None
            (root / f"{page}.rst").write_text(head + rst)


def build(root: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of a fresh ``sphinx-build -b html -E``."""
    out = root / "_build"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", str(root), str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {root} failed")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--guides", action="store_true",
                        help="also an interviewguide page per role")
    parser.add_argument("--no-checks", action="store_true",
                        help="build with jobdesc_checks = [] (what the checks cost)")
    args = parser.parse_args()
    pages = args.roles * (2 if args.guides else 1)
    directive, by_hand = args.workdir / "directive", args.workdir / "by-hand"
    generate(directive, args.roles, by_hand=False, guides=args.guides,
             checks=not args.no_checks)
    generate(by_hand, args.roles, by_hand=True, guides=args.guides)
    build(directive)  # warm the file cache once for both
    build(by_hand)
    variants = {"directive": directive, "by-hand": by_hand}
    wall: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    memory: dict[str, list[int]] = {name: [] for name in variants}
    for _ in range(args.repeat):
        for name, root in variants.items():
            seconds, cpu_seconds, rss = build(root)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            memory[name].append(rss)
    pair_ratios = [d / h for d, h in zip(cpu["directive"], cpu["by-hand"], strict=True)]
    ratio = statistics.median(pair_ratios)
    med_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    extra_ms = (med_cpu["directive"] - med_cpu["by-hand"]) * 1000 / pages
    print(f"roles: {args.roles} ({pages} pages), repetitions: {args.repeat} "
          "(interleaved, fresh processes)")
    for name in variants:
        print(f"  {name:9s} wall median {statistics.median(wall[name]):6.2f} s   CPU median "
              f"{med_cpu[name]:6.2f} s  [{', '.join(f'{t:.2f}' for t in cpu[name])}]   "
              f"peak RSS {max(memory[name]) / 1024:.0f} MiB")
    wall_ratio = statistics.median(wall["directive"]) / statistics.median(wall["by-hand"])
    print(f"ratio directive / by hand: {ratio:.3f}x CPU (median of pairs; wall {wall_ratio:.3f}x),"
          f" extra per page: {extra_ms:+.2f} ms CPU")

if __name__ == "__main__":
    main()

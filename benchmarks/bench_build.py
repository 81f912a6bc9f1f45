"""How much does rendering a page from a role file cost, compared with writing it by hand?

Generates three handbooks of the same N roles (about 8 responsibilities, 12
requirements and 6 benefits each, extending a shared company file; with
``--guides`` also 4 competencies with anchors and 3 interview stages of 3
questions, and an interview guide page per role):

- ``directive``: pages with ``.. jobdescription::`` (and ``.. interviewguide::``);
- ``by-hand``: the very same reStructuredText written into the pages;
- ``minimal``: the page a team writes without the extension (summary,
  responsibilities and requirements; a list of the stages).

Each is built from scratch with ``sphinx-build -b html -E`` in fresh processes,
interleaved, several times. The script prints median wall and CPU (user +
system, workers included) times, the median of the per-pair CPU ratios of
directive and by-hand (the headline: CPU time is what the code costs, wall time
also counts the neighbours on a shared machine), the extra CPU milliseconds
per role over the minimal page, and peak memory.

Run: ``python benchmarks/bench_build.py --roles 200 --repeat 3 --guides`` (and
``--jobs 2``). Timings are only compared within one run (shared machines are
noisy); tests never assert them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from sphinx_jobdesc.core.model import Role
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


#: The handbooks compared: the directives; the very same RST written by hand; a
#: minimal hand-written page of each role (what a team writes without the extension).
VARIANTS = ("directive", "by-hand", "minimal")


def generate(root: Path, roles: int, *, variant: str, guides: bool, checks: bool = True
             ) -> None:
    """Write the handbook of *variant* (one of :data:`VARIANTS`)."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "roles").mkdir(parents=True)
    (root / "roles" / "_company.yaml").write_text(COMPANY)
    extensions = '["sphinx_jobdesc"]' if variant == "directive" else "[]"
    # No sidebars: the theme's global navigation costs every page O(N) (Sphinx's
    # cost, the same in every variant), which would drown what is measured here.
    (root / "conf.py").write_text(f"extensions = {extensions}\nproject = 'Bench'\n"
                                  "html_sidebars = {'**': []}\n"
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
        if variant == "directive":
            for page, directive in pages.items():
                (root / f"{page}.rst").write_text(head + f".. {directive}:: {name}\n")
            continue
        role = resolve_role(str(path), None, roles_dir=str(root / "roles"), markup="text").role
        assert role is not None
        if variant == "minimal":
            for page, text in minimal_pages(role, name, guides).items():
                (root / f"{page}.rst").write_text(head + text)
            continue
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


def minimal_pages(role: Role, name: str, guides: bool) -> dict[str, str]:
    """A team's own page of a role without the extension: summary, responsibilities,
    requirements; with guides, a page listing the interview stages."""
    def bullets(items: Iterable[str]) -> str:
        return "".join(f"- {text}\n" for text in items) + "\n"
    pages = {name: (
        f"{role.summary}\n\nResponsibilities\n================\n\n"
        + bullets(item.text for item in role.responsibilities)
        + "Requirements\n============\n\n"
        + bullets(item.text for item in (*role.requirements.must, *role.requirements.nice)))}
    if guides and role.interview:
        pages[f"{name}-guide"] = "Stages\n======\n\n" + bullets(
            f"{stage.title} ({stage.duration_minutes} min)" for stage in role.interview.stages)
    return pages


def build(root: Path, jobs: str = "1") -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with the workers') and peak RSS (KiB) of a fresh
    ``sphinx-build -b html -E``."""
    out = root / "_build"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", "-j", jobs, str(root),
               str(out)]
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
    parser.add_argument("--jobs", default="1", help="sphinx-build -j (1, 2, auto)")
    args = parser.parse_args()
    roots = {name: args.workdir / name for name in VARIANTS}
    for name, root in roots.items():
        generate(root, args.roles, variant=name, guides=args.guides, checks=not args.no_checks)
        build(root, args.jobs)  # warm the file cache
    wall: dict[str, list[float]] = {name: [] for name in VARIANTS}
    cpu: dict[str, list[float]] = {name: [] for name in VARIANTS}
    memory: dict[str, list[int]] = {name: [] for name in VARIANTS}
    for _ in range(args.repeat):
        for name, root in roots.items():
            seconds, cpu_seconds, rss = build(root, args.jobs)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            memory[name].append(rss)
    med_cpu: dict[str, float] = {name: statistics.median(values) for name, values in cpu.items()}
    med_wall = {name: statistics.median(values) for name, values in wall.items()}
    print(f"roles: {args.roles}{' with guides' if args.guides else ''}, -j {args.jobs}, "
          f"repetitions: {args.repeat} (interleaved, fresh processes)")
    for name in VARIANTS:
        print(f"  {name:9s} wall median {med_wall[name]:6.2f} s   CPU median "
              f"{med_cpu[name]:6.2f} s  [{', '.join(f'{t:.2f}' for t in cpu[name])}]   "
              f"peak RSS {max(memory[name]) / 1024:.0f} MiB")

    def ratio(numerator: str, denominator: str) -> float:
        pairs = zip(cpu[numerator], cpu[denominator], strict=True)
        return statistics.median([n / d for n, d in pairs])

    def extra_ms(name: str) -> float:
        return (med_cpu[name] - med_cpu["minimal"]) * 1000 / int(args.roles)

    print(f"directive / by hand: {ratio('directive', 'by-hand'):.3f}x CPU (median of pairs; wall "
          f"{med_wall['directive'] / med_wall['by-hand']:.3f}x); peak RSS "
          f"{max(memory['directive']) / max(memory['by-hand']):.2f}x")
    print(f"extra per role over a minimal page: directive {extra_ms('directive'):+.1f} ms CPU, "
          f"by hand {extra_ms('by-hand'):+.1f} ms CPU")


if __name__ == "__main__":
    main()

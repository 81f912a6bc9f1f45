"""Build the example handbook's printed interviewer kit and turn its pages into images.

Builds ``example_docs`` with the LaTeX builder, compiles the PDF with latexmk,
and writes the pages of the backend interview guide as PNG files (pdftoppm)
into ``benchmarks/_work/kit/``, so a person can look at what interviewers
print: every stage and scorecard on its own page, anchors and scorecards as
tables that fit the page, room for notes. Prints the PDF's page count and how
long each step took.

Run: ``python benchmarks/interview_kit.py`` (needs latexmk, pdflatex and pdftoppm).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "example_docs"


def run(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "kit")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    latex = args.workdir / "latex"
    seconds = run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "latex", str(EXAMPLE),
                   str(latex)])
    print(f"sphinx-build -b latex: {seconds:.1f} s")
    seconds = run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                   "acme-handbook.tex"], cwd=latex)
    pdf = latex / "acme-handbook.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = re.search(r"Pages:\s+(\d+)", info)
    print(f"latexmk: {seconds:.1f} s, {count.group(1) if count else '?'} pages")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    first = next(n for n, page in enumerate(pages, 1) if "Interviewing backend developers" in page
                 and "Introductory call" in page)
    last = max(n for n, page in enumerate(pages, 1) if "Scorecard: " in page)
    run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(first), "-l", str(last), str(pdf),
         str(args.workdir / "page")])
    print(f"interview kit: pages {first}-{last} as PNG in {args.workdir}")


if __name__ == "__main__":
    main()

"""The printed interviewer kit: the LaTeX build of an interview guide is a real PDF in
which every stage and every scorecard starts on a new page and tables fit the page.

Needs LaTeX (``.ci/run`` installs it); ``benchmarks/interview_kit.py`` renders the
example handbook's kit to PNG pages for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SNIPPETS, sphinx_build

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("latexmk", "pdflatex", "pdftotext", "pdftoppm")),
    reason="needs LaTeX and poppler (installed by .ci/run)")

CONF = """\
extensions = ["sphinx_jobdesc"]
project = "Interview kit"
author = "Acme"
latex_documents = [("index", "kit.tex", "Interview kit", "Acme", "howto")]
"""
PAGE = "Senior Backend Developer\n========================\n\n" \
       ".. interviewguide:: backend-developer\n   :level: senior\n"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("kit")
    shutil.copytree(SNIPPETS / "roles", src / "roles")
    (src / "conf.py").write_text(CONF)
    (src / "index.rst").write_text(PAGE)
    out = src / "_build"
    assert sphinx_build("-q", "-W", "-b", "latex", src, out).status == 0
    subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                    "kit.tex"], cwd=out, check=True, capture_output=True)
    return out


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def first_line(page: str) -> str:
    return next((line.strip() for line in page.splitlines() if line.strip()), "")


def test_stages_and_scorecards_start_on_new_pages(kit: Path) -> None:
    starts = [re.sub(r"^[\d.]+\s+", "", first_line(page)) for page in pages(kit / "kit.pdf")]
    for title in ("Recruiter screen", "Technical interview", "System design",
                  "Scorecards", "Scorecard: Technical interview", "Scorecard: System design"):
        assert title in starts, (title, starts)  # the first scorecard under "Scorecards"


def test_questions_leave_room_for_notes(kit: Path) -> None:
    text = "\f".join(pages(kit / "kit.pdf"))
    assert text.count("Notes") >= 3  # one box per question, and the scorecards' column


def test_no_heading_ends_a_page(kit: Path) -> None:
    """A heading at the foot of a page, its content on the next, is an orphan. (A notes
    box is one unsplittable box, so its label never ends a page without its space.)"""
    headings = {"Interview stages", "Competencies", "Scorecards", "Recruiter screen",
                "Technical interview", "System design", "Rating anchors"}
    for number, page in enumerate(pages(kit / "kit.pdf")[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not re.fullmatch(r"\d+", line)]  # the page number
        last = re.sub(r"^[\d.]+\s+", "", body[-1]) if body else ""
        assert last not in headings and not last.startswith(("Question ", "Scorecard:")), (
            number, last)


def test_tables_fit_the_page(kit: Path) -> None:
    log = (kit / "kit.log").read_text(errors="replace")
    overfull = [float(points) for points in re.findall(r"Overfull \\hbox \(([\d.]+)pt", log)]
    assert [points for points in overfull if points > 5] == []


def test_a_page_becomes_an_image(kit: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", str(kit / "kit.pdf"),
                    str(tmp_path / "page")], check=True)
    (image,) = tmp_path.glob("page*.png")
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert width >= 400 and 1.25 < height / width < 1.45  # a portrait page (Letter or A4)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (installed by .ci/run)")
def test_printing_the_html_guide_gives_the_same_kit(tmp_path: Path) -> None:
    """Chromium prints the HTML page with jobdesc.css: each stage and scorecard on a new
    page, and the notes boxes appear on paper only."""
    src = tmp_path / "src"
    shutil.copytree(SNIPPETS / "roles", src / "roles")
    (src / "conf.py").write_text(CONF)
    (src / "index.rst").write_text(PAGE)
    assert sphinx_build("-q", "-W", "-b", "html", src, tmp_path / "html").status == 0
    pdf = tmp_path / "printed.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (tmp_path / "html" / "index.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    printed = pages(pdf)
    starts = [first_line(page) for page in printed]
    for title in ("Recruiter screen", "Technical interview", "System design",
                  "Scorecards", "Scorecard: System design"):
        assert any(start.endswith(title) for start in starts), (title, starts)
    assert "\f".join(printed).count("Notes") >= 4  # three notes boxes and the scorecards

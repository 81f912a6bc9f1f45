"""``jobhistory``: a role's changelog read from git, in HTML and text builds, for each
audience, in a shallow clone, and read again only when the checked-out commit moves."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import sphinx_build
from git_handbook import DAYS, git, make_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

CONF = ('extensions = ["sphinx_jobdesc"]\nproject = "Handbook"\njobdesc_checks = []\n'
        "jobdesc_last_changed = True\n")
FACTS = """\
:orphan:

Roles
=====

.. jobdescription:: backend
   :level: senior
   :sections: facts

.. jobdescription:: frontend
   :sections: facts
"""
PAGE = """\
History
=======

.. jobhistory:: backend

Senior
------

.. jobhistory:: backend
   :level: senior
   :limit: 2
"""


def build(src: Path, out: Path, builder: str = "html", *args: str) -> str:
    """Build *src* into *out* with ``-W``; the build's output (status lines)."""
    done = sphinx_build("-W", "-b", builder, *args, src, out)
    assert done.status == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("handbook"))
    (repo / "conf.py").write_text(CONF)
    (repo / "index.rst").write_text(PAGE)
    (repo / "role.rst").write_text(FACTS)
    git(repo, "add", "conf.py", "index.rst", "role.rst")
    git(repo, "commit", "-q", "-m", "The handbook's pages")
    return repo


def working_clone(repo: Path, work: Path) -> Path:
    """A clone of *repo* to commit in (the module's repository stays as it is)."""
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(work)], check=True)
    git(work, "config", "user.email", "hr@example.com")
    git(work, "config", "user.name", "HR")
    return work


def hashes(repo: Path) -> dict[str, str]:
    """Each tag's short hash."""
    return {tag: git(repo, "rev-parse", "--short=7", tag).strip()
            for tag in ("v1", "reworded", "base", "level", "interview", "coverage")}


def lines(text: str) -> list[str]:
    """The history lines of a text build, each on one line."""
    return [" ".join(item.split()) for item in re.split(r"\n\n+", text)
            if item.startswith("* **")]


@pytest.fixture(scope="module")
def text_output(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("text")
    build(repo, out, "text")
    return (out / "index.txt").read_text()


def test_the_history_lists_each_commit_that_changed_the_role(repo: Path, text_output: str
                                                              ) -> None:
    h, day = hashes(repo), DAYS
    assert lines(text_output)[:6] == [
        f'* **{day["coverage"]}** "{h["coverage"]}" coverage: must-have \'python\' no longer '
        "assessed; 1 competency anchors changed; 1 question levels changed; 1 question "
        "competencies changed",
        f'* **{day["interview"]}** "{h["interview"]}" interview: 1 question moved; 1 question '
        "retimed",
        f'* **{day["level"]}** "{h["level"]}" level: lead: +1 level',
        f'* **{day["base"]}** "{h["base"]}" base: 1 benefit reworded',
        f'* **{day["reworded"]}** "{h["reworded"]}" reworded: 1 responsibility reworded; 1 '
        "requirement moved; senior: salary EUR 82,000\u201398,000 per year \u2192 EUR "
        "85,000\u2013100,000 per year",
        f'* **{day["v1"]}** "{h["v1"]}" v1: role added',
    ]


def test_a_job_description_says_when_its_role_last_changed(repo: Path, tmp_path: Path
                                                           ) -> None:
    build(repo, tmp_path, "text")
    facts = (tmp_path / "role.txt").read_text()
    # senior: the last commit changed what every level shares; frontend: the base file
    assert re.findall(r"Last changed\s*\|\s*(\S+)", facts) == [DAYS["coverage"], DAYS["base"]]


def test_dates_are_written_as_the_language_writes_them(repo: Path, tmp_path: Path) -> None:
    """German: the medium date of CLDR; English (above) keeps git's ISO dates."""
    build(repo, tmp_path, "text", "-D", "language=de")
    facts = (tmp_path / "role.txt").read_text()
    assert re.findall(r"Zuletzt geändert\s*\|\s*(\S+)", facts) == ["15.07.2026", "15.03.2026"]
    assert "* **15.05.2026** " in (tmp_path / "index.txt").read_text()


def test_a_level_shows_its_own_and_the_shared_changes(repo: Path, text_output: str) -> None:
    h = hashes(repo)
    senior = lines(text_output)[6:]
    assert [line.split('"')[1] for line in senior] == [h["coverage"], h["interview"]]


def test_html_shows_the_same_lines(repo: Path, tmp_path: Path) -> None:
    build(repo, tmp_path)
    html = (tmp_path / "index.html").read_text()
    items = [" ".join(re.sub(r"<[^>]+>", "", item).split())
             for item in re.findall(r"<li>(.*?)</li>", html, re.DOTALL)]
    h = hashes(repo)
    date = git(repo, "log", "-1", "--format=%cs", "level").strip()
    assert f"{date} {h['level']} level: lead: +1 level" in items


def test_a_public_history_leaves_out_interview_changes(repo: Path, tmp_path: Path) -> None:
    build(repo, tmp_path, "text", "-t", "public")
    public = lines((tmp_path / "index.txt").read_text())
    h = hashes(repo)
    assert [line.split('"')[1] for line in public[:4]] == [
        h["level"], h["base"], h["reworded"], h["v1"]]


def test_a_shallow_clone_shows_what_it_has_and_says_so(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo}", str(clone)],
                   check=True)
    build(clone, tmp_path / "out", "text")
    text = (tmp_path / "out" / "index.txt").read_text()
    h = hashes(repo)
    # the last three commits: the pages, coverage, interview (where the clone starts)
    assert [line.split('"')[1] for line in lines(text)][:1] == [h["coverage"]]
    assert "This history is incomplete: the clone is shallow" in text
    (clone / "conf.py").write_text(CONF + "jobdesc_history_required = True\n")
    failed = sphinx_build("-W", "-b", "text", clone, tmp_path / "strict")
    assert failed.status != 0
    # the whole line; "-W" prints it "file:line: WARNING: ..." (Sphinx 8 on) or "file:line:..."
    warning = re.compile(rf"{re.escape(str(clone))}/index\.rst:4: ?(WARNING: )?the history of "
                         r"role 'backend' is incomplete: the clone is shallow: older commits are "
                         r"not in it \[jobdesc\.git\]")
    assert [line for line in failed.stderr.splitlines() if warning.fullmatch(line)]


def test_a_page_is_read_again_when_head_moves_and_only_then(repo: Path, tmp_path: Path
                                                            ) -> None:
    work = working_clone(repo, tmp_path / "work")
    out = tmp_path / "out"
    build(work, out, "text")
    assert "0 added, 0 changed, 0 removed" in build(work, out, "text")
    roles = work / "roles" / "frontend.yaml"
    roles.write_text(roles.read_text().replace("Build screens", "Build accessible screens"))
    git(work, "commit", "-q", "-am", "Accessible screens")
    # the history page and the page with "Last changed" facts
    assert "0 added, 2 changed, 0 removed" in build(work, out, "text")


def test_the_same_commit_builds_the_same_page(repo: Path, tmp_path: Path) -> None:
    """Commit dates, not the clock: a rebuild of the same commit is byte-identical."""
    build(repo, tmp_path / "one", "text", "-E")
    build(repo, tmp_path / "two", "text", "-E")
    assert (tmp_path / "one" / "index.txt").read_bytes() == (
        tmp_path / "two" / "index.txt").read_bytes()


def test_without_git_the_page_says_so(repo: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """No git on the PATH (a minimal container): the build works, the page says why
    it shows no history."""
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable))
    build(repo, tmp_path, "text")
    text = " ".join((tmp_path / "index.txt").read_text().split())
    assert "No changes recorded. *This history is incomplete: git is not installed" in text


def test_the_history_is_kept_with_the_environment_until_head_moves(repo: Path, tmp_path: Path
                                                                   ) -> None:
    work = working_clone(repo, tmp_path / "work")
    out, read = tmp_path / "out", "[jobdesc] history of"
    assert read in build(work, out, "text", "-vv")
    (work / "index.rst").write_text(PAGE.replace("=\n\n", "=\n\nOne more line.\n\n", 1))
    again = build(work, out, "text", "-vv")
    # the page is read again (it changed), its history is not (HEAD did not move)
    assert "0 added, 1 changed, 0 removed" in again and read not in again
    assert lines((out / "index.txt").read_text())  # still shown, from the environment
    git(work, "commit", "-q", "-am", "One more line")
    assert read in build(work, out, "text", "-vv")


def test_an_unknown_since_is_a_warning_and_the_history_still_shows(repo: Path, tmp_path: Path
                                                                   ) -> None:
    work = working_clone(repo, tmp_path / "work")
    (work / "index.rst").write_text(PAGE.replace(":limit: 2", ":since: no-such-tag"))
    done = sphinx_build("-b", "text", work, tmp_path / "out")
    assert done.status == 0
    assert [line for line in done.stderr.splitlines() if "WARNING" in line] == [
        f"{work}/index.rst:9: WARNING: :since: 'no-such-tag' is neither a date (YYYY-MM-DD) "
        "nor a revision git knows [jobdesc.option]"]
    assert len(lines((tmp_path / "out" / "index.txt").read_text())) == 6 + 5  # all of them


def test_a_hostile_commit_subject_is_shown_as_written(repo: Path, tmp_path: Path) -> None:
    """Commit subjects come from whoever wrote the commit: text, never markup."""
    work = working_clone(repo, tmp_path / "work")
    roles = work / "roles" / "backend-developer.yaml"
    roles.write_text(roles.read_text().replace("Review code and designs", "Review designs"))
    subject = "*x* `y` <script>alert(1)</script> .. raw:: html |sub| _t_ [1]_ :doc:`z`"
    git(work, "commit", "-q", "-am", subject)
    build(work, tmp_path / "out", "html")
    html = (tmp_path / "out" / "index.html").read_text()
    assert "<script>alert(1)" not in html
    shown = [" ".join(re.sub(r"<[^>]+>", "", item).split())
             for item in re.findall(r"<li>(.*?)</li>", html, re.DOTALL)]
    assert any(subject.replace("<", "&lt;").replace(">", "&gt;") in item for item in shown)

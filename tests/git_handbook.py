"""A handbook's git repository whose role files change commit by commit: what
``sphinx-jobdesc diff`` and ``jobhistory`` read (tests/test_diff.py,
tests/test_history.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: The tags of the commits, oldest first: each commit makes one kind of edit.
TAGS = ["v1", "reworded", "base", "renamed", "level", "interview", "coverage"]

BASE = """\
id: _company
employment_type: [FULL_TIME]
benefits:
  - {id: lunch, text: Free lunch on Fridays}
"""
BACKEND = """\
id: backend
extends: _company
title: Backend Developer
summary: You build the services of our platform.
responsibilities:
  - {id: review, text: Review code}
  - {id: apis, text: Build APIs}
requirements:
  must:
    - {id: python, text: Python in production, competencies: [coding]}
    - {id: k8s, text: Kubernetes}
  nice:
    - {id: go, text: Some Go}
competencies:
  - id: coding
    name: Coding
    anchors: {1: Cannot write the code, 4: Writes clear code}
interview:
  stages:
    - id: tech
      title: Technical interview
      duration_minutes: 60
      focus: [coding]
      questions:
        - {id: warmup, text: Tell us about a recent project., duration_minutes: 10}
        - id: cache
          text: How would you cache this page?
          duration_minutes: 20
          competencies: [coding]
    - id: design
      title: System design
      duration_minutes: 60
      questions:
        - {id: scale, text: How does it scale?, duration_minutes: 30}
levels:
  - id: middle
    title: Middle Backend Developer
    compensation: {currency: EUR, period: YEAR, min: 60000, max: 75000}
  - id: senior
    title: Senior Backend Developer
    compensation: {currency: EUR, period: YEAR, min: 82000, max: 98000}
"""
FRONTEND = """\
id: frontend
extends: _company
title: Frontend Developer
summary: You build the screens of our platform.
responsibilities: [Build screens]
requirements:
  must: [TypeScript]
"""
def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


#: The day of each tag's commit (committer and author), so that dates are known.
DAYS = {tag: f"2026-0{month}-15" for month, tag in enumerate(TAGS, start=1)}


def commit(repo: Path, tag: str) -> None:
    """Commit what is staged as *tag*, on the day :data:`DAYS` gives it, and tag it."""
    when = f"{DAYS[tag]}T12:00:00+00:00"
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", tag], check=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})
    git(repo, "tag", tag)


def make_repo(repo: Path) -> Path:
    """A handbook's repository in *repo*: roles/ edited commit by commit (one kind of edit
    each: see the tags), each commit tagged."""
    roles = repo / "roles"
    roles.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "hr@example.com")
    git(repo, "config", "user.name", "HR")

    def edit(tag: str, files: dict[str, str | None]) -> None:
        for name, text in files.items():
            if text is None:
                (roles / name).unlink(missing_ok=True)
            else:
                (roles / name).write_text(text)
        git(repo, "add", "-A")
        commit(repo, tag)

    edit("v1", {"_company.yaml": BASE, "backend.yaml": BACKEND, "frontend.yaml": FRONTEND})
    reworded = (BACKEND.replace("Review code}", "Review code and designs}")
                .replace("min: 82000, max: 98000", "min: 85000, max: 100000")
                .replace("    - {id: k8s, text: Kubernetes}\n", "")
                .replace("    - {id: go, text: Some Go}\n",
                         "    - {id: go, text: Some Go}\n    - {id: k8s, text: Kubernetes}\n"))
    edit("reworded", {"backend.yaml": reworded})
    edit("base", {"_company.yaml": BASE.replace("on Fridays", "every day")})
    git(repo, "mv", "roles/backend.yaml", "roles/backend-developer.yaml")
    commit(repo, "renamed")
    with_level = reworded + "  - id: lead\n    title: Lead Backend Developer\n"
    edit("level", {"backend-developer.yaml": with_level})
    cache = ("        - id: cache\n          text: How would you cache this page?\n"
             "          duration_minutes: 20\n          competencies: [coding]\n")
    moved = with_level.replace(cache, "").replace(
        "        - {id: scale, text: How does it scale?, duration_minutes: 30}\n",
        "        - {id: scale, text: How does it scale?, duration_minutes: 30}\n"
        + cache.replace("20", "25"))
    edit("interview", {"backend-developer.yaml": moved})
    edit("coverage", {"backend-developer.yaml": moved.replace(
        "          competencies: [coding]\n", "          levels: [senior, lead]\n").replace(
        "4: Writes clear code", "4: Writes code others can change")})
    return repo

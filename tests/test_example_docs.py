"""The example handbook: both page syntaxes, its interview's anchors, and the careers-site
build for the public. (That it builds without warnings in every builder, as the README
promises, and shows staff the internal sections: ``tests/test_builder_matrix.py``.)"""

from __future__ import annotations

from pathlib import Path

from sphinx.cmd.build import build_main

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_docs"


def test_example_handbook_uses_both_page_syntaxes() -> None:
    pages = {path.suffix for path in (EXAMPLE_DOCS / "careers").iterdir()}
    assert {".rst", ".md"} <= pages


def test_example_interview_has_its_own_anchors_for_every_question() -> None:
    """Question-level anchors: every question says what an answer to it looks like at
    each rating, and no two questions share one table (as competency anchors would)."""
    from sphinx_jobdesc.core.resolve import resolve_role
    from sphinx_jobdesc.core.views.interview import build_guide

    roles = EXAMPLE_DOCS / "roles"
    tables = {}
    for level in ("middle", "middle-plus", "senior"):
        resolution = resolve_role(str(roles / "backend-developer.yaml"), level,
                                  roles_dir=str(roles), markup="text")
        assert resolution.problems == ()
        assert resolution.role is not None
        assert resolution.role.bar  # a hiring bar at every level
        guide = build_guide(resolution.role, None, "interviewer")
        assert [s.stage.id for s in guide.stages][:3] == ["screen", "code-exercise", "technical"]
        for stage in guide.stages:
            for question in stage.questions:
                own = dict(question.question.anchors)
                assert sorted(own) == [1, 2, 3, 4], question.question.id
                tables[question.question.id] = tuple(own.values())
    assert len(set(tables.values())) == len(tables) >= 12
    assert "cross-team" in tables  # the senior-only question on cross-team design


def test_example_handbook_builds_for_the_public(tmp_path: Path) -> None:
    """The careers-site build: no hiring pages, no interview questions, valid JobPostings."""
    import json
    import re

    from google import missing_recommendations, rejections

    out = tmp_path / "public"
    status = build_main(["-W", "--keep-going", "-q", "-t", "public", "-b", "html",
                         str(EXAMPLE_DOCS), str(out), "-d", str(tmp_path / "doctrees")])
    assert status == 0
    assert not (out / "hiring").exists()
    everything = "".join(path.read_text(errors="replace") for path in out.rglob("*")
                         if path.is_file() and path.suffix in (".html", ".js", ".json", ".txt"))
    assert "How does a request reach our application" not in everything
    assert "Why we are hiring now" not in everything  # a section marked visibility: internal
    # one posting per job: each level on its own page, the family page none, and the
    # card-layout copy of the senior page points to it
    jobs = {"backend-middle": "Middle Backend Developer",
            "backend-middle-plus": "Middle+ Backend Developer",
            "backend-senior": "Senior Backend Developer",
            "engineering-manager": "Engineering Manager",
            "frontend-developer": "Senior Frontend Developer"}
    identifiers = []
    for path in sorted((out / "careers").glob("*.html")):
        html = path.read_text()
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(scripts) == (path.stem in jobs), path.name
        for script in scripts:
            posting = json.loads(script)
            assert posting["title"] == jobs[path.stem]
            assert rejections(posting) == []
            assert missing_recommendations(posting) == [], path.name
            identifiers.append(posting["identifier"]["value"])
    assert len(identifiers) == len(set(identifiers)) == len(jobs)
    assert re.findall(r'<link rel="canonical" href="([^"]*)"',
                      (out / "careers" / "design-layout.html").read_text()) == [
        "backend-senior.html"]

"""The generated labels in the project's language: the catalogs shipped in
``sphinx_jobdesc/locales`` translate every label, are compiled, and switch with
``language``; ``jobdesc_labels`` still wins; salaries are written as the language
writes numbers."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import Project, copy_snippet_roles, sphinx_build
from sphinx.cmd.build import build_main

from sphinx_jobdesc.locale import LABELS, LOCALES

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_docs"
LANGUAGES = sorted(path.name for path in Path(LOCALES).iterdir())
PAGE = ("Careers\n=======\n\n.. jobdescription:: backend-developer\n   :level: senior\n\n"
        ".. interviewguide:: backend-developer\n   :level: senior\n")


def catalog(language: str, suffix: str) -> dict[str, str]:
    path = Path(LOCALES, language, "LC_MESSAGES", f"sphinx_jobdesc.{suffix}")
    with path.open("rb") as file:
        messages = read_po(file) if suffix == "po" else read_mo(file)
    return {m.id: m.string for m in messages if m.id}


def test_five_languages_ship() -> None:
    assert {"de", "fr", "es", "pt_BR", "ru"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_is_translated_and_compiled(language: str) -> None:
    po = catalog(language, "po")
    assert sorted(po) == sorted(str(text) for text in LABELS.values())
    assert all(po.values()), [msgid for msgid, text in po.items() if not text]
    assert catalog(language, "mo") == po  # run pybabel compile after editing the .po


@pytest.mark.parametrize(("language", "headings"), [
    ("de", ["Auf einen Blick", "Aufgaben", "Interviewphasen", "Bewertungsbögen",
            "EUR 85.000\u2013105.000"]),
    ("ru", ["Коротко", "Обязанности", "Этапы интервью", "Оценочные листы",
            "EUR 85\u00a0000\u2013105\u00a0000"]),
    ("fr", ["En bref", "Missions", "Étapes de l'entretien", "Grilles d'évaluation",
            "EUR 85\u202f000\u2013105\u202f000"]),
    ("es", ["De un vistazo", "Responsabilidades", "Etapas de la entrevista",
            "EUR 85.000\u2013105.000"]),
    ("pt_BR", ["Resumo", "Responsabilidades", "Etapas da entrevista", "Fichas de avaliação",
               "EUR 85.000\u2013105.000"]),
])
def test_the_language_switches_the_labels(project: Project, language: str,
                                          headings: list[str]) -> None:
    copy_snippet_roles(project)
    project.write("conf.py", f'extensions = ["sphinx_jobdesc"]\nlanguage = "{language}"\n'
                  'jobdesc_labels = {"benefits": "Perks"}\n')
    project.write("index.rst", PAGE)
    project.build("text")
    text = project.output("index.txt")
    assert project.warnings == []
    for heading in headings:
        assert heading in text, heading
    assert "Perks" in text  # jobdesc_labels still wins
    assert "At a glance" not in text


def test_builds_in_one_process_each_speak_their_own_language(project: Project) -> None:
    """A German build, then an English one, in one Python process (a tool that builds
    every language in turn): Sphinx adds the catalogs it loads to those it had."""
    copy_snippet_roles(project)
    project.write("index.rst", PAGE)
    shown = {}
    for language in ("de", "en"):
        project.write("conf.py", f'extensions = ["sphinx_jobdesc"]\nlanguage = "{language}"\n')
        out = project.src.parent / language
        with contextlib.redirect_stdout(io.StringIO()):
            assert build_main(["-q", "-E", "-b", "text", str(project.src), str(out)]) == 0
        shown[language] = (out / "index.txt").read_text("utf8")
    assert "Auf einen Blick" in shown["de"]
    assert "At a glance" in shown["en"] and "Auf einen Blick" not in shown["en"]


@pytest.mark.parametrize(("language", "senior", "interview"), [
    ("de", ["Auf einen Blick", "Anforderungen", "EUR 82.000\u201398.000 pro Jahr"],
     ["Interviewphasen"]),
    ("ru", ["Коротко", "Требования", "EUR 82\u00a0000\u201398\u00a0000 в год"],
     ["Этапы интервью"]),
])
def test_the_example_handbook_in_german_and_russian(tmp_path: Path, language: str,
                                                    senior: list[str],
                                                    interview: list[str]) -> None:
    result = sphinx_build("-q", "-W", "-b", "text", "-D", f"language={language}",
                          EXAMPLE_DOCS, tmp_path / "out", "-d", tmp_path / "doctrees")
    assert (result.status, result.stderr) == (0, "")
    for page, expected in (("backend-senior", senior), ("backend-interview", interview)):
        text = (tmp_path / "out" / "careers" / f"{page}.txt").read_text("utf8")
        assert all(words in text for words in expected), (page, expected)

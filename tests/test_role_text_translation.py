"""Role text through Sphinx's own translation workflow, end to end: ``-b gettext``
extracts each text of a rendered role once, as written; ``sphinx-intl`` makes and
compiles the ``.po``, and a build with ``language`` shows the translations; a
translation is role text too (plain stays plain, reStructuredText is vetted again)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import sphinx_build

PAGE = """\
Careers
=======

.. jobdescription:: backend

.. jobdescription:: writer

Roles
-----

.. jobcatalog::
   :columns: title
"""
BACKEND = """\
title: Backend Developer
summary: You build *our* services.
responsibilities: [Design and document REST APIs, Review code]
requirements:
  must: [Python in production]
"""
WRITER = """\
markup: rst
title: Technical Writer
summary: You write **clear** docs.
responsibilities: [Edit the *handbook*]
requirements:
  must: [Good English]
"""
TRANSLATIONS = {
    "Design and document REST APIs": "REST-APIs entwerfen und dokumentieren",
    "Technical Writer": "Technische Redakteurin",
    "You build *our* services.": "Du baust *unsere* Dienste.",  # plain: stars as written
    "You write **clear** docs.": "Du schreibst **klare** Doku.",  # rst: bold
    "Edit the *handbook*": ".. raw:: html\n\n   <script>alert(1)</script>",  # refused
    "Review code": "<!--<script>alert(2)</script>\u2028.. raw:: html\v:ref:`x`",  # plain
}


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("translated")
    (root / "roles").mkdir()
    (root / "roles" / "backend.yaml").write_text(BACKEND)
    (root / "roles" / "writer.yaml").write_text(WRITER)
    (root / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\nlocale_dirs = ["locales"]\n')
    (root / "index.rst").write_text(PAGE)
    build(root, "gettext", "out/gettext")
    return root


def build(root: Path, builder: str, out: str, *options: str) -> str:
    result = sphinx_build("-q", "-b", builder, *options, root, root / out,
                          "-d", root / out / ".doctrees")
    assert result.status == 0, result.stderr
    return result.stderr


def pot(root: Path) -> dict[str, int]:
    """Each message of the page's ``.pot``, with how often it is there."""
    text = (root / "out" / "gettext" / "index.pot").read_text("utf8")
    with (root / "out" / "gettext" / "index.pot").open("rb") as file:
        ids = [message.id for message in read_po(file) if message.id]
    return {msgid: text.count(f'msgid "{msgid}"') for msgid in ids}


def test_gettext_extracts_each_role_text_once_as_written(handbook: Path) -> None:
    messages = pot(handbook)
    for text in ("Backend Developer", "You build *our* services.",
                 "Design and document REST APIs", "Review code", "Python in production",
                 "You write **clear** docs.", "Edit the *handbook*"):
        assert messages.get(text) == 1, text
    assert "You build \\*our\\* services." not in messages  # not our escaped RST
    assert "Careers" in messages  # beside the page's own text


def test_gettext_builds_without_warnings(handbook: Path) -> None:
    assert build(handbook, "gettext", "out/gettext-again") == ""


@pytest.fixture(scope="module")
def german(handbook: Path) -> tuple[str, str]:
    """The page built in German: ``sphinx-intl update`` makes the ``.po`` from the
    ``.pot``, a translator fills it in, ``sphinx-intl build`` compiles it."""
    intl = str(Path(sys.executable).parent / "sphinx-intl")
    subprocess.run([intl, "update", "-p", "out/gettext", "-l", "de", "-d", "locales"],
                   cwd=handbook, check=True, capture_output=True)
    po = handbook / "locales" / "de" / "LC_MESSAGES" / "index.po"
    with po.open("rb") as file:
        catalog = read_po(file, locale="de")
    for message in catalog:
        message.string = TRANSLATIONS.get(message.id, "")
    with po.open("wb") as file:
        write_po(file, catalog)
    subprocess.run([intl, "build", "-d", "locales"], cwd=handbook, check=True,
                   capture_output=True)
    assert po.with_suffix(".mo").exists()
    warnings = build(handbook, "html", "out/html", "-D", "language=de")
    return (handbook / "out" / "html" / "index.html").read_text("utf8"), warnings


def test_a_build_in_the_language_shows_the_translations(german: tuple[str, str]) -> None:
    page, _ = german
    assert "REST-APIs entwerfen und dokumentieren" in page
    assert "Design and document REST APIs" not in page
    assert "Python in production" in page  # untranslated: as written
    assert "Aufgaben" in page  # the labels follow the language too
    catalogue = page.split('id="roles"', 1)[1]
    assert "Technische Redakteurin" in catalogue and "Technical Writer" not in catalogue


def test_a_plain_text_translation_stays_plain(german: tuple[str, str]) -> None:
    page = german[0]
    assert "Du baust *unsere* Dienste." in page
    # a hostile translation of plain text is shown as written: no comment, script,
    # directive or role takes effect
    assert "&lt;!--&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert ".. raw:: html" in page and ":ref:`x`" in page
    assert "<script>alert(2)" not in page


def test_a_rst_translation_is_vetted_like_the_role_file(german: tuple[str, str]) -> None:
    page, warnings = german
    assert "Du schreibst <strong>klare</strong> Doku." in page
    assert "alert(1)" not in page  # neither run nor shown: the original text is
    assert "Edit the <em>handbook</em>" in page  # the refused translation's original
    assert warnings.count("\n") == 1 and warnings.endswith(
        "/roles/writer.yaml:1: WARNING: the translation of 'Edit the *handbook*' is shown "
        "untranslated: it contains the directive 'raw', which role text may not use (used in "
        "index.rst:6, index.rst:11) [jobdesc.markup]\n")

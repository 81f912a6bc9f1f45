"""No payload in a role file takes effect: the injection corpus.

Every payload below is written into every text field of its own role file
(title, summary, items, sections, FAQ, competencies, levels, stages and
questions), and its page renders it with ``jobdescription``, ``interviewguide``
and ``jobladder``. The project is built with html, text and latex, once with
role text read as plain text and once as ``markup: rst``. The assertions look
at what the builds wrote, not at the warnings: no file from the build
machine, no raw HTML or LaTeX, no unsafe link, no heading, admonition, toctree
or download that the payload asked for, and JSON-LD that still parses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

SECRET = "SECRET-FILE-CONTENT-4242"
OUTSIDE_SECRET = "OUTSIDE-SECRET-9731"

#: The payloads: {secret} is the secret file inside the project, {outside} one outside it.
PAYLOADS = [
    # directives, at the start and hidden in other constructs
    ".. raw:: html\n\n   <b class=\"PWNED\">raw</b><script>PWNED()</script>",
    "Intro\n\n.. raw:: html\n\n   <img src=x onerror=PWNED()>",
    ".. include:: {secret}",
    ".. include:: {outside}",
    ".. literalinclude:: {outside}",
    ".. csv-table:: x\n   :file: {outside}",
    ".. raw:: html\n   :file: {outside}",
    "- .. literalinclude:: {outside}",
    "#. .. raw:: html\n\n      <b class=\"PWNED\">x</b>",
    "* item\n\n  .. raw:: html\n\n     <b class=\"PWNED\">nested</b>",
    ":field: .. include:: {outside}",
    "| .. raw:: html\n|    <b class=\"PWNED\">",
    "Term\n   .. raw:: html\n\n      <b class=\"PWNED\">x</b>",
    "   .. raw:: html\n\n      <b class=\"PWNED\">quoted</b>",
    ".. rubric:: PWNEDRUBRIC",
    ".. note:: PWNEDNOTE",
    ".. toctree::\n\n   index",
    ".. meta::\n   :description: PWNED",
    ".. jobdescription:: p00",
    ".. interviewguide:: p00",
    ".. image:: {outside}",
    ".. |sub| image:: {outside}\n\n|sub|",
    ".. |sub| raw:: html\n\n   <b class=\"PWNED\">sub</b>\n\n|sub|",
    ".. only:: html\n\n   .. raw:: html\n\n      <b class=\"PWNED\">only</b>",
    # line separators in front of a directive
    "ok\u2028.. raw:: html\n\n   <b class=\"PWNED\">2028</b>",
    "ok\u2029.. raw:: html\n\n   <b class=\"PWNED\">2029</b>",
    "ok\x85.. raw:: html\n\n   <b class=\"PWNED\">85</b>",
    "ok\v.. raw:: html\n\n   <b class=\"PWNED\">vt</b>",
    "ok\f.. raw:: html\n\n   <b class=\"PWNED\">ff</b>",
    "ok\r.. raw:: html\n\n   <b class=\"PWNED\">cr</b>",
    # roles, links and targets
    ":download:`x <{outside}>`",
    ":download:`x <{secret}>`",
    ":raw-html:`<b class=\"PWNED\">`",
    ":math:`\\PWNEDLATEX`",
    ":file:`{outside}`",
    "`click <javascript:PWNED()>`_",
    "`click <JaVaScRiPt:PWNED()>`__",
    "`click <java\nscript:PWNED()>`__",
    "`click <data:text/html;base64,PWNED>`__",
    "`click <vbscript:PWNED>`__",
    "javascript:PWNED()",
    "data:text/html,<script>PWNED()</script>",
    "see pwn_\n\n.. _pwn: javascript:PWNED()",
    "http://PWNED.example/ and me-PWNED@example.org",
    # structure
    "PWNEDTITLE\n==========\n\nafter",
    "before\n\n----------\n\nafter",
    # raw HTML and LaTeX as text
    "<b class=\"PWNED\">html</b> <script>PWNED()</script> <img src=x onerror=PWNED()>",
    "<!--<script>PWNED()</script>",
    "</script><script>PWNED()</script>",
    "\\PWNEDLATEX{} \\input{{outside}} $\\PWNEDLATEX$",
    # comments and odd characters
    ".. <b class=\"PWNED\">comment</b>",
    "\u202egnirts desrever \u0000\u0007 \ufeff",
]

#: What a payload's effect leaves in HTML (any markup mode).
HTML_EFFECTS = [
    r'class="PWNED', r"<script>PWNED", r"<img src=x onerror=PWNED", r"<iframe",
    r'href\s*=\s*"\s*(javascript|data|vbscript|file):', r"<meta[^>]*PWNED",
    r"<h[1-6][^>]*>\s*PWNEDTITLE", r'class="rubric"[^>]*>PWNEDRUBRIC', r'class="admonition note',
    r"toctree-wrapper", r"<hr",
]
#: And where role text is plain text, no link at all comes from it.
PLAIN_HTML_EFFECTS = [r'href="[^"]*PWNED', r'href="mailto:']
TEX_EFFECTS = [r"(?<!\\textbackslash\{\})\\PWNEDLATEX", r"\\input\{[^}]*secret"]


def role_file(index: int, payload: str) -> str:
    text = json.dumps(payload)  # a JSON string is a YAML double-quoted scalar
    title = json.dumps(f"Role {index:02d} {payload}")
    return f"""\
title: {title}
summary: {text}
about: {text}
employment_type: [FULL_TIME]
location: {{type: onsite, places: [{{locality: Berlin, country: DE}}]}}
posting: {{date_posted: 2026-11-01, hiring_organization: {{name: Acme}}}}
responsibilities: [{text}]
requirements:
  must: [{{id: must, text: {text}, competencies: [craft]}}]
  nice: [{text}]
benefits: [{text}]
sections: [{{id: extra, title: {title}, body: {text}}}]
faq: [{{q: {text}, a: {text}}}]
how_to_apply: {text}
competencies:
  - id: craft
    name: {title}
    description: {text}
    anchors: {{1: {text}, 2: {text}, 3: {text}, 4: {text}}}
    expectations: {{senior: {text}}}
    calibration: {text}
levels:
  - {{id: middle, title: {title}}}
  - {{id: senior, title: {title}, summary: {text}, responsibilities: [{text}]}}
interview:
  scoring: {{independent: true, same_interviewers: true, weights: {{craft: 2}}}}
  stages:
    - id: technical
      title: {title}
      duration_minutes: 30
      interviewers: [{{role: {text}, count: 2}}, {text}]
      beforehand: [{text}]
      candidate_questions_minutes: 5
      purpose: {text}
      instructions: {text}
      focus: [craft]
      questions:
        - id: question
          title: {title}
          text: {text}
          competencies: [craft]
          duration_minutes: 10
          follow_ups: [{text}]
          look_for: [{text}]
          red_flags: [{text}]
          anchors: {{1: {text}, 2: {text}, 3: {text}, 4: {text}}}
"""


BUILDERS = ("html", "text", "latex")


def build_corpus(markup: str, base: Path) -> Path:
    """The corpus built with each builder, role text read as *markup*; its build folder."""
    (base / "outside-secret.txt").write_text(OUTSIDE_SECRET, encoding="utf8")
    src = base / "src"
    (src / "roles").mkdir(parents=True)
    (src / "secret.txt").write_text(SECRET, encoding="utf8")
    (src / "conf.py").write_text(
        f'extensions = ["sphinx_jobdesc"]\njobdesc_markup = "{markup}"\njobdesc_checks = []\n'
        'exclude_patterns = ["_build"]\n', encoding="utf8")
    pages = []
    for index, payload in enumerate(PAYLOADS):
        text = payload.replace("{secret}", "/secret.txt").replace(
            "{outside}", str(base / "outside-secret.txt"))
        (src / "roles" / f"p{index:02d}.yaml").write_text(role_file(index, text), encoding="utf8")
        (src / f"p{index:02d}.rst").write_text(
            f"Payload {index:02d}\n==========\n\n.. jobdescription:: p{index:02d}\n"
            "   :posting:\n\n"
            f".. interviewguide:: p{index:02d}\n\n.. jobladder:: p{index:02d}\n", encoding="utf8")
        pages.append(f"p{index:02d}")
    (src / "index.rst").write_text("Corpus\n======\n\n.. toctree::\n\n   " + "\n   ".join(pages)
                                   + "\n", encoding="utf8")
    for builder in BUILDERS:
        app = SphinxTestApp(builder, srcdir=src)
        app.build()  # an exception here (a crash, a RecursionError) fails every test
        app.cleanup()
    return src / "_build"


def test_there_are_enough_payloads() -> None:
    assert len(PAYLOADS) >= 40


def outputs(build: Path, suffix: str) -> dict[str, str]:
    return {path.name: path.read_text("utf8", errors="replace")
            for path in build.rglob(f"*{suffix}") if path.is_file()}


def effects(texts: dict[str, str], patterns: list[str]) -> list[tuple[str, str]]:
    return [(name, pattern) for name, text in texts.items() for pattern in patterns
            if re.search(pattern, text, re.IGNORECASE | re.DOTALL)]


@pytest.fixture(scope="class")
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built with the markup of the test's class."""
    markup = request.cls.markup
    return build_corpus(markup, tmp_path_factory.mktemp(f"corpus-{markup}"))


class CorpusChecks:
    """What the corpus builds wrote; a class per markup, so that test workers can share
    the two corpora out between them (each class is one unit of work)."""

    markup: str

    def test_no_file_of_the_build_machine_reaches_any_output(self, corpus: Path) -> None:
        build = corpus
        leaks = [path for path in build.rglob("*") if path.is_file()
                 and (SECRET.encode() in path.read_bytes() or OUTSIDE_SECRET.encode() in
                      path.read_bytes())]
        assert leaks == []
        assert [path.name for path in build.rglob("*")
                if path.name in ("_downloads", "_images")] == []


    def test_no_payload_takes_effect_in_html(self, corpus: Path) -> None:
        markup, build = self.markup, corpus
        pages = {name: text for name, text in outputs(build / "html", ".html").items()
                 if re.fullmatch(r"p\d\d\.html", name)}
        assert len(pages) == len(PAYLOADS)
        patterns = HTML_EFFECTS + (PLAIN_HTML_EFFECTS if markup == "text" else [])
        assert effects(pages, patterns) == []
        # one rendering of each directive: none renders itself again from role text
        kinds = ("jobdesc-facts", "jobdesc-ladder")
        assert {name: [page.count(f'class="{kind} ') for kind in kinds]
                for name, page in pages.items()} == {name: [1, 1] for name in pages}


    def test_json_ld_stays_one_valid_script(self, corpus: Path) -> None:
        build = corpus
        for name, page in outputs(build / "html", ".html").items():
            if not re.fullmatch(r"p\d\d\.html", name):
                continue
            scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page,
                                 re.DOTALL)
            assert len(scripts) == 1, name
            assert "<" not in scripts[0], name
            posting = json.loads(scripts[0])
            assert posting["title"].startswith(f"Role {name[1:3]} "), name
            assert "Payload " in page.split("</head>", 1)[1], name  # the body is still there


    def test_no_payload_takes_effect_in_latex(self, corpus: Path) -> None:
        build = corpus
        (tex,) = outputs(build / "latex", ".tex").values()
        assert effects({"tex": tex}, TEX_EFFECTS) == []
        assert "Payload 00" in tex


    def test_text_output_shows_every_page(self, corpus: Path) -> None:
        build = corpus
        texts = {name: text for name, text in outputs(build / "text", ".txt").items()
                 if re.fullmatch(r"p\d\d\.txt", name)}
        assert len(texts) == len(PAYLOADS)
        assert all(f"Role {name[1:3]}" in text for name, text in texts.items())


class TestPlainText(CorpusChecks):
    markup = "text"


class TestRst(CorpusChecks):
    markup = "rst"

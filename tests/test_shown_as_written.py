"""Plain role text is shown as written, in HTML and in plain text, and never becomes
structure.

For generated roles whose every text is drawn from all of Unicode and from the
inputs that used to go wrong (runs of one punctuation character, line
separators, CJK, emoji, right-to-left text, long words, list and heading
markers, trailing ``::``, quotes and dashes), every value a page is meant to
show is in that page's HTML and text output (the catalogue's, too), and the pages' structure (their
sections, with depth and id, and their list items and table rows) is exactly
that of the same roles with plain ASCII text. A batch of roles is built once
per example and builder; CI runs the ``ci`` profile, docs/development.md the long run.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from shown import html_text, untabled
from sphinx.testing.util import SphinxTestApp

#: Inputs that once became structure, lost lines or changed their characters.
TRICKY = [
    *(char * 6 for char in string.punctuation), "福利", "研发工程师", "👩‍💻 emoji", "🚀",
    "שלום עולם", "مرحبا", "\u202eevil", "x" * 120, "- not a list", "* not a list",
    "# not a heading", "1. not a list", "12) not a list", "Term::", "ends with ::",
    'say "quoted" and \'single\'', "a -- b --- c ...", "a\u2028b", "a\u2029b", "a\vb",
    "a\fb", "a\x85b", "<b>bold</b>", "&amp; &lt;", "{{ role }}", "{% if %}", "|sub|",
    "*emph* **strong** `code` ``lit``", "_target_", "[1]_", ".. note:: x", ":ref:`x`",
    "Title\n=====", "line one\nline two", "first\n\nsecond paragraph", "\\backslash\\",
    "%s %(x)s", "tab\there", "   leading and trailing   ",
]
SEPARATORS = "\t\n\u2028\u2029\x0b\x0c\x85 "
printable = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
text = st.one_of(
    st.text(alphabet=st.one_of(printable, st.sampled_from(SEPARATORS)), max_size=30),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(TRICKY), min_size=2, max_size=3).map(" ".join),
).filter(str.strip)


@st.composite
def roles(draw: Any) -> dict[str, Any]:
    """A valid role of plain text; every text is drawn independently."""
    def t() -> str:
        return draw(text)

    return {
        "markup": "text", "title": t(), "family": t(), "team": t(), "summary": t(),
        "about": t(), "how_to_apply": t(),
        "responsibilities": [{"id": "r1", "text": t()}, {"id": "r2", "text": t()}],
        "requirements": {"must": [{"id": "m1", "text": t(), "competencies": ["c1"]}],
                         "nice": [{"id": "n1", "text": t()}]},
        "benefits": [t()],
        "sections": [{"id": "extra", "title": t(), "body": t()}],
        "faq": [{"q": t(), "a": t()}],
        "competencies": [{"id": "c1", "name": t(), "description": t(),
                          "anchors": {1: t(), 2: t(), 3: t(), 4: t()}}],
        "levels": [{"id": "one", "title": t(), "summary": t()},
                   {"id": "two", "title": t(), "summary": t(),
                    "responsibilities": [{"id": "r3", "text": t()}]}],
        "interview": {"stages": [{
            "id": "s1", "title": t(), "purpose": t(), "duration_minutes": 30, "focus": ["c1"],
            "questions": [{"id": "q1", "text": t(), "competencies": ["c1"],
                           "look_for": [t()], "red_flags": [t()]}]}]},
    }


def shown_values(role: dict[str, Any]) -> dict[str, list[str]]:
    """Page -> the values that page is meant to show."""
    requirements = role["requirements"]
    level_two = role["levels"][1]
    stage = role["interview"]["stages"][0]
    question = stage["questions"][0]
    competency = role["competencies"][0]
    return {
        "family": [role["title"], role["team"], role["summary"], role["about"],
                   role["how_to_apply"], *(r["text"] for r in role["responsibilities"]),
                   requirements["must"][0]["text"], requirements["nice"][0]["text"],
                   role["benefits"][0], role["sections"][0]["title"],
                   role["sections"][0]["body"], role["faq"][0]["q"], role["faq"][0]["a"]],
        "level": [level_two["title"], role["summary"], level_two["summary"],
                  level_two["responsibilities"][0]["text"]],
        "guide": [stage["title"], stage["purpose"], question["text"], question["look_for"][0],
                  question["red_flags"][0], competency["name"], competency["description"],
                  *competency["anchors"].values()],
        "ladder": [level["title"] for level in role["levels"]]
                  + [level["summary"] for level in role["levels"]]
                  + [level_two["responsibilities"][0]["text"]],
    }


PAGES = {
    "family": ".. jobdescription:: {role}\n",
    "level": ".. jobdescription:: {role}\n   :level: two\n",
    "guide": ".. interviewguide:: {role}\n",
    "ladder": ".. jobladder:: {role}\n",
}


def ascii_twin(role: Any, counter: list[int] | None = None) -> Any:
    """*role* with every text replaced by a distinct plain ASCII one."""
    counter = counter if counter is not None else [0]
    if isinstance(role, dict):
        return {key: value if key in ("id", "markup", "competencies", "focus") else
                ascii_twin(value, counter) for key, value in role.items()}
    if isinstance(role, list):
        return [ascii_twin(value, counter) for value in role]
    if isinstance(role, str):
        counter[0] += 1
        return f"Text {counter[0]}"
    return role


class Quoted(yaml.SafeDumper):
    """Every string double-quoted: a plain ``1e100`` is text to PyYAML's dumper but a
    number to YAML 1.2 (and our loader); this test is about rendering, not YAML."""


Quoted.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"'))


def build(src: Path, batch: list[dict[str, Any]], builder: str) -> SphinxTestApp:
    (src / "roles").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\njobdesc_checks = []\n'
                                 'exclude_patterns = ["_build"]\n', encoding="utf8")
    names = []
    for index, role in enumerate(batch):
        (src / "roles" / f"r{index}.yaml").write_text(
            yaml.dump(role, Dumper=Quoted, allow_unicode=True, width=40), encoding="utf8")
        for page, body in PAGES.items():
            (src / f"r{index}-{page}.rst").write_text(body.format(role=f"r{index}"),
                                                       encoding="utf8")
            names.append(f"r{index}-{page}")
    (src / "index.rst").write_text("Roles\n=====\n\n.. jobcatalog::\n\n.. toctree::\n\n   "
                                   + "\n   ".join(names) + "\n", encoding="utf8")
    app = SphinxTestApp(builder, srcdir=src)
    app.build()
    app.cleanup()
    return app


def collapsed(value: str) -> str:
    return " ".join(value.split())


def structure(app: SphinxTestApp, docname: str) -> list[tuple[Any, ...]]:
    """Sections (depth, ids), list items and table rows of a page, in order."""
    shape: list[tuple[Any, ...]] = []
    for node in app.env.get_doctree(docname).findall(nodes.Element):
        if isinstance(node, nodes.section):
            depth = sum(1 for _ in _sections_above(node))
            shape.append(("section", depth, tuple(node["ids"])))
        elif isinstance(node, nodes.list_item | nodes.row | nodes.transition):
            shape.append((node.tagname,))
    return shape


def _sections_above(node: nodes.Node) -> Any:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            yield parent
        parent = parent.parent


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large, HealthCheck.filter_too_much],
          max_examples=max(1, settings().max_examples // 15),
          # a build per example: shrinking would take many minutes; the report names the value
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(roles(), min_size=1, max_size=3))
def test_plain_text_is_shown_as_written(tmp_path_factory: Any,
                                        batch: list[dict[str, Any]]) -> None:
    base = tmp_path_factory.mktemp("written")
    html = build(base / "html", batch, "html")
    plain_text = build(base / "text", batch, "text")
    twin = build(base / "twin", [ascii_twin(role) for role in batch], "html")
    # text that looks like a directive is shown as written, with a notice (jobdesc.markup)
    unexpected = [line for line in html.warning.getvalue().splitlines()
                  if "[jobdesc.markup]" not in line]
    assert unexpected == [], "\n".join(unexpected)
    for index, role in enumerate(batch):
        for page, values in shown_values(role).items():
            docname = f"r{index}-{page}"
            page_html = collapsed(html_text((html.outdir / f"{docname}.html").read_text("utf8")))
            page_text = "".join(untabled((plain_text.outdir / f"{docname}.txt").read_text(
                "utf8")).split())
            for value in values:
                assert collapsed(value) in page_html, (docname, value)
                assert "".join(value.split()) in page_text, (docname, value)
            assert structure(html, docname) == structure(twin, docname), docname
    catalog = collapsed(html_text((html.outdir / "index.html").read_text("utf8")))
    for role in batch:
        for value in (role["title"], role["team"], role["family"]):
            assert collapsed(value) in catalog, ("index", value)
    assert structure(html, "index") == structure(twin, "index")

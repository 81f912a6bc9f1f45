"""Properties of the pipeline on generated role files, valid, invalid and mangled.

- No input crashes: loading, validation, inheritance, the model, every check,
  the public view, the export and the JobPosting never raise and never report
  an internal error, whatever the file holds.
- Every invalid file (one of the mutations below, each of which breaks the
  format) gives at least one typed ``jobdesc`` problem at a line of that file.
- The same holds in a real Sphinx build of a small batch of such files, with
  every directive and the catalogue on its pages.

The generators are structure-aware: a valid role (every part of the format,
with text drawn from all of Unicode plus markup, separators and payloads), then
one mutation: a wrong type, an unknown or missing key, NaN, a huge number, a bad
date or id, duplicate ids, a broken reference, an explicit tag, an unknown or
recursive alias, an alias bomb, deep nesting, a second document, a duplicate
key; or chaos that may or may not be valid (truncation, flipped characters,
random text or bytes).

CI runs the short ``ci`` profile. For the long run::

    .venv/bin/python -m pytest tests/test_properties.py --hypothesis-profile=long
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_jobdesc.core.audience import for_audience
from sphinx_jobdesc.core.checks import CheckSettings
from sphinx_jobdesc.core.checks.posting import jobposting_problems
from sphinx_jobdesc.core.export import exported_roles, jobdesc_data
from sphinx_jobdesc.core.greenhouse import greenhouse
from sphinx_jobdesc.core.jobposting import job_posting, script_json
from sphinx_jobdesc.core.problems import SUBTYPE_DESCRIPTIONS, Problem
from sphinx_jobdesc.core.resolve import release_cache, resolve_role
from sphinx_jobdesc.locale import labels

# --- generators ------------------------------------------------------------------------------

SPECIAL_TEXTS = [
    ".. raw:: html\n\n   <b>x</b>", "- .. include:: /etc/passwd", "`x <javascript:a()>`_",
    "http://example.org", "me@example.org", "*emph* and ``lit``", ":ref:`x`", ":download:`x`",
    "Title\n=====", "----", "|sub|", "[1]_", "a\u2028b", "a\u2029b", "\v\f\x85", "::", "#. x",
    "@@@@@@", "!!!!!!!!!", "<!--<script>", "</script>", "\\input{x}", "{{ role }}", "%s",
    "福利", "👩‍💻 emoji", "שלום", "\u202e", "", " ", "\n\n", "x" * 300, "- a\n- b",
    "5+ years", "rockstar ninja", "1. first", "Term\n   definition",
]
text = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(SPECIAL_TEXTS),
    st.lists(st.sampled_from(SPECIAL_TEXTS), min_size=2, max_size=4).map(" ".join),
)
ids = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
dates = st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)).map(str)


def unique(strategy: Any, **kwargs: Any) -> Any:
    return st.lists(strategy, unique=True, **kwargs)


@st.composite
def items(draw: Any, competencies: list[str], min_size: int = 0) -> list[Any]:
    entries: list[Any] = []
    for item_id in draw(unique(ids, min_size=min_size, max_size=3)):
        if draw(st.booleans()):
            entries.append(draw(text))
        else:
            entry: dict[str, Any] = {"id": item_id, "text": draw(text)}
            if competencies and draw(st.booleans()):
                entry["competencies"] = draw(st.lists(st.sampled_from(competencies), max_size=2,
                                                      unique=True))
            if draw(st.booleans()):
                entry["visibility"] = draw(st.sampled_from(["public", "internal"]))
            entries.append(entry)
    return entries


@st.composite
def valid_roles(draw: Any) -> dict[str, Any]:
    """A role file that matches the format (its text may still be refused as markup)."""
    competencies = draw(unique(ids, max_size=3))
    level_ids = draw(unique(ids, max_size=3))
    role: dict[str, Any] = {}
    if draw(st.booleans()):
        role["markup"] = draw(st.sampled_from(["text", "rst"]))
    role |= {
        "title": draw(text),
        "summary": draw(text),
        "responsibilities": draw(items(competencies, min_size=1)),
        "requirements": {"must": draw(items(competencies, min_size=1)),
                         "nice": draw(items(competencies))},
    }
    optional: dict[str, Any] = {
        "about": text, "how_to_apply": text, "benefits": items(competencies),
        "family": text, "team": text, "reviewed": dates,
        "employment_type": st.lists(st.sampled_from(["FULL_TIME", "PART_TIME", "INTERN"]),
                                    unique=True, max_size=2),
        "location": st.fixed_dictionaries({
            "type": st.sampled_from(["onsite", "hybrid", "remote"]),
            "places": st.lists(st.fixed_dictionaries({"locality": text, "country": st.just("DE")}),
                               max_size=2),
            "applicant_countries": st.lists(st.sampled_from(["DE", "NL"]), unique=True)}),
        "compensation": st.fixed_dictionaries({
            "currency": st.sampled_from(["EUR", "USD"]),
            "period": st.sampled_from(["YEAR", "HOUR"]),
            "min": st.integers(0, 10**9), "max": st.integers(0, 10**9)}),
        "posting": st.fixed_dictionaries({"date_posted": dates, "hiring_organization":
                                          st.fixed_dictionaries({"name": text})}),
        "faq": st.lists(st.fixed_dictionaries({"q": text, "a": text}), max_size=2),
        "sections": unique(ids, max_size=2).flatmap(lambda names: st.tuples(*[
            st.fixed_dictionaries({"id": st.just(n), "title": text, "body": text})
            for n in names]).map(list)),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            role[key] = draw(strategy)
    if competencies:
        role["competencies"] = [
            {"id": c, "name": draw(text), "description": draw(text),
             "anchors": {str(v): draw(text) for v in range(1, 5) if draw(st.booleans())}}
            for c in competencies]
    if level_ids:
        role["levels"] = [{"id": lvl, "title": draw(text),
                           **({"summary": draw(text)} if draw(st.booleans()) else {}),
                           "responsibilities": draw(items(competencies))} for lvl in level_ids]
    if draw(st.booleans()):
        stages = []
        for stage_id in draw(unique(ids, min_size=1, max_size=2)):
            questions = [{"id": q, "text": draw(text), "duration_minutes": draw(st.integers(1, 60)),
                          "competencies": draw(st.lists(st.sampled_from(competencies),
                                                        unique=True)) if competencies else [],
                          "look_for": draw(st.lists(text, max_size=2))}
                         for q in draw(unique(ids, max_size=2))]
            stages.append({"id": stage_id, "title": draw(text),
                           "duration_minutes": draw(st.integers(1, 120)),
                           "purpose": draw(text), "focus": competencies,
                           **({"levels": level_ids[:1]} if level_ids and draw(st.booleans())
                              else {}),
                           "questions": questions})
        role["interview"] = {"stages": stages}
    return role


def dump(role: dict[str, Any], style: str) -> str:
    if style == "json":
        return json.dumps(role, ensure_ascii=False, indent=1)
    return yaml.safe_dump(role, allow_unicode=True, sort_keys=False,
                          default_flow_style=style == "flow", width=60)


def _set(key: str, value: Any) -> Any:
    return lambda role: role.__setitem__(key, value)


#: Changes to the data that each break the format.
DATA_MUTATIONS = {
    "title is a list": _set("title", ["a", "b"]),
    "summary is a number": _set("summary", 12),
    "unknown key": _set("tilte", "Backend"),
    "no title": lambda role: role.pop("title"),
    "no requirements": lambda role: role.pop("requirements"),
    "NaN salary": _set("compensation", {"currency": "EUR", "min": float("nan")}),
    "infinite salary": _set("compensation", {"currency": "EUR", "max": float("inf")}),
    "huge salary": _set("compensation", {"currency": "EUR", "min": 10**40}),
    "bad date": _set("reviewed", "20261102"),
    "bad id": _set("id", "Not An Id"),
    "bad enum": _set("employment_type", ["SOMETIMES"]),
    "duplicate ids": _set("benefits", [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]),
    "unknown competency": _set("requirements", {"must": [{"id": "m", "text": "x",
                                                          "competencies": ["nowhere"]}]}),
}
#: Lines appended to a block-style file that each break it.
TEXT_MUTATIONS = {
    "tag on a scalar": "tagged: !!int Backend\n",
    "tag on a mapping": "tagged: !!python/object/apply:os.system {a: b}\n",
    "unknown alias": "aliased: *nowhere\n",
    "recursive alias": "aliased: &r [a, *r]\n",
    "alias bomb": "".join(f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9) if i else 'x, x'}]\n"
                          for i in range(8)),
    "deep nesting": "deep: " + "[" * 80 + "]" * 80 + "\n",
    "second document": "---\nsecond: document\n",
    "duplicate key": "title: again\n",
    "huge integer": "number: " + "7" * 5000 + "\n",
    "syntax error": "broken: [unclosed\n",
}


@st.composite
def role_files(draw: Any) -> tuple[str | bytes, bool]:
    """A role file's content, and whether it is certainly invalid."""
    kind = draw(st.sampled_from(["valid", "data", "text", "chaos", "random"]))
    if kind == "random":
        return draw(st.one_of(st.text(max_size=200), st.binary(max_size=200))), False
    role = draw(valid_roles())
    if kind == "data":
        DATA_MUTATIONS[draw(st.sampled_from(sorted(DATA_MUTATIONS)))](role)
    style = "block" if kind == "text" else draw(st.sampled_from(["block", "flow", "json"]))
    content = dump(role, style)
    if kind == "text":
        content += TEXT_MUTATIONS[draw(st.sampled_from(sorted(TEXT_MUTATIONS)))]
    if kind == "chaos":
        cut = draw(st.integers(0, len(content)))
        noise = draw(st.text(alphabet="{}[]:-&*!|>'\"#%@`\n\t ", max_size=5))
        content = content[:cut] + noise + content[cut + draw(st.integers(0, 5)):]
    return content, kind in ("data", "text")


# --- the core, without Sphinx ----------------------------------------------------------------

CHECKS = CheckSettings(today=datetime.date(2026, 12, 1))
LABELS = labels({})
INTERNAL = re.compile(r"internal error", re.IGNORECASE)


def write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf8", errors="surrogatepass")


def run_everything(path: Path) -> list[Problem]:
    """Every step a build or the command line takes on one file; the problems found."""
    release_cache()
    family = resolve_role(str(path), None, roles_dir=str(path.parent), markup="text",
                          checks=CHECKS)
    found = list(family.problems)
    roles = [family.role] if family.role else []
    for level in family.role.levels if family.role else ():
        resolution = resolve_role(str(path), level.id, roles_dir=str(path.parent),
                                  markup="text", checks=CHECKS)
        found += resolution.problems
        roles += [resolution.role] if resolution.role else []
    for role in roles:
        for audience in ("internal", "public"):
            posting = job_posting(for_audience(role, audience), LABELS,
                                  ("summary", "responsibilities", "requirements"))
            jobposting_problems(role)
            assert "<" not in script_json(posting)
    left_out: list[Problem] = []
    for audience in ("internal", "public"):
        exported, left_out = exported_roles([str(path)], roles_dir=str(path.parent),
                                            markup="text", audience=audience)
        for data in (jobdesc_data(exported, audience), greenhouse(exported, audience)):
            json.dumps(data, allow_nan=False)
    return found + left_out


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(role_files())
def test_no_role_file_crashes_the_pipeline(tmp_path: Path, case: tuple[str | bytes, bool]
                                           ) -> None:
    content, invalid = case
    event("certainly invalid" if invalid else "valid or mangled")
    path = tmp_path / "role.yaml"
    write(path, content)
    found = run_everything(path)
    assert [p.message for p in found if INTERNAL.search(p.message)] == []
    assert all(p.subtype in SUBTYPE_DESCRIPTIONS for p in found)
    if invalid:
        located = [p for p in found if p.origin and p.origin[0] == str(path) and p.origin[1] >= 1]
        assert located, f"no located problem for an invalid file: {found}"


# --- a real Sphinx build of a batch ----------------------------------------------------------

PAGE = """\
{name}
==========

.. jobdescription:: roles/{name}.yaml

.. interviewguide:: roles/{name}.yaml

.. jobladder:: roles/{name}.yaml
"""


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large],
          max_examples=settings().max_examples // 20 or 1)
@given(st.lists(role_files(), min_size=2, max_size=4))
def test_a_batch_of_role_files_builds(tmp_path_factory: Any, batch: list[tuple[Any, bool]]
                                      ) -> None:
    src = tmp_path_factory.mktemp("batch")
    (src / "roles").mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\n', encoding="utf8")
    names = [f"r{index}" for index in range(len(batch))]
    for name, (content, _) in zip(names, batch, strict=True):
        write(src / "roles" / f"{name}.yaml", content)
        (src / f"{name}.rst").write_text(PAGE.format(name=name), encoding="utf8")
    (src / "index.rst").write_text("Roles\n=====\n\n.. jobcatalog::\n\n.. toctree::\n\n   "
                                   + "\n   ".join(names) + "\n", encoding="utf8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()  # raises on any exception in a directive or event handler
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    assert INTERNAL.search(warnings) is None, warnings
    for name, (_, invalid) in zip(names, batch, strict=True):
        if invalid:
            assert re.search(rf"roles[/\\]{name}\.yaml:\d+: WARNING: ", warnings), (name, warnings)

"""The plain job description (``templates/jobdescription.rst.jinja``) as nodes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from docutils import nodes

from ..core.model import Role
from ..core.views.jobdescription import facts
from .writer import Fallback, Writer


def write(writer: Writer, context: Mapping[str, Any]) -> None:
    role: Role = context["role"]
    for slot in context["sections"]:
        _SLOTS[slot](writer, role, context)


def _facts(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    rows = facts(role, w.labels, context.get("reports_to_title"), context.get("last_changed"),
                 context.get("locale"))
    if rows:
        w.heading("facts")
        w.add(w.list_table([[w.blocks(w.labels[name]), w.blocks(value)] for name, value in rows],
                           classes=["jobdesc-facts"], stub_columns=1))


def _summary(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if role.summary:
        w.heading("summary")
        w.add(*w.blocks(role.summary))
    if role.level_summary:
        w.heading("level_summary", 2)
        w.add(*w.blocks(role.level_summary))


def _about(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if role.about:
        w.heading("about")
        w.add(*w.blocks(role.about))


def _responsibilities(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if role.responsibilities:
        w.heading("responsibilities")
        w.add(w.bullet_list(item.text for item in role.responsibilities))


def _requirements(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if not (role.requirements.must or role.requirements.nice):
        return
    w.heading("requirements")
    for kind, items in (("must", role.requirements.must), ("nice", role.requirements.nice)):
        if items:
            w.heading(kind, 2)
            w.add(w.bullet_list(item.text for item in items))


def _benefits(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if role.benefits:
        w.heading("benefits")
        w.add(w.bullet_list(item.text for item in role.benefits))


def _extra(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    for section in role.sections:
        w.heading(section.id, 1, section.title)
        w.add(*w.blocks(section.body))


def _faq(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if not role.faq:
        return
    w.heading("faq")
    entries = []
    for entry in role.faq:
        term, answer = w.oneline(entry.question), w.blocks(entry.answer)
        if not term or not answer:  # the parser would read a paragraph, not a definition
            raise Fallback("a question or answer without words")
        entries.append(nodes.definition_list_item(
            "", w.located(nodes.term("", "", nodes.Text(term))), nodes.definition("", *answer)))
    w.add(w.located(nodes.definition_list("", *entries)))


def _hiring_process(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    if not role.hiring_process:
        return
    w.heading("hiring_process")
    items = []
    for step in role.hiring_process:
        blocks = w.blocks(step.text)
        if step.duration_minutes:
            last = blocks[-1] if blocks else None
            if not isinstance(last, nodes.paragraph) or not isinstance(last[-1], nodes.Text):
                raise Fallback("a duration after markup")
            words = f"{last[-1].astext()} ({step.duration_minutes} {w.labels['minutes']})"
            last[-1] = nodes.Text(words)
        items.append(nodes.list_item("", *blocks))
    w.add(w.located(nodes.enumerated_list("", *items, enumtype="arabic", prefix="",
                                          suffix=".")))


_LINKED_SCHEMES = ("https://", "http://", "mailto:")


def _apply(w: Writer, role: Role, context: Mapping[str, Any]) -> None:
    url = role.posting.apply_url if role.posting else None
    if not (role.how_to_apply or url):
        return
    w.heading("apply")
    if role.how_to_apply:
        w.add(*w.blocks(role.how_to_apply))
    if url:
        label = w.labels["apply_link"]
        if (not url.startswith(_LINKED_SCHEMES) or any(char.isspace() for char in url)
                or "`" in label):
            raise Fallback("a link docutils would rewrite")
        text = " ".join(label.split())
        w.add(w.paragraph(nodes.reference("", text, name=text, refuri=url)))


_SLOTS: dict[str, Callable[[Writer, Role, Mapping[str, Any]], None]] = {
    "facts": _facts, "summary": _summary, "about": _about,
    "responsibilities": _responsibilities, "requirements": _requirements,
    "benefits": _benefits, "extra": _extra, "faq": _faq,
    "hiring_process": _hiring_process, "apply": _apply,
}

"""The plain interview guide (``templates/interviewguide.rst.jinja`` with the
macros of ``_interview.rst.jinja``) as nodes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from docutils import nodes

from ..core.markup import Rst
from ..core.views.interview import Guide, QuestionView, StageView
from ..templating import latex
from .writer import Fallback, Writer, plain_paragraphs

_BLANK = "_" * 20
_NOTES_BOX = (r"\par\noindent\fbox{\begin{minipage}[t][3.5cm][t]{\dimexpr\linewidth-2\fboxsep"
              r"-2\fboxrule\relax}\textbf{%s}\end{minipage}}\par")


def write(writer: Writer, context: Mapping[str, Any]) -> None:
    guide: Guide = context["guide"]
    for slot in context["sections"]:
        _SLOTS[slot](writer, guide, context)


def _minutes(w: Writer, value: int | None) -> str:
    return f"{value} {w.labels['minutes']}" if value else ""


def _names(items: Any) -> str:
    return " ".join(", ".join(str(item.name) for item in items).split())


def _overview(w: Writer, guide: Guide, context: Mapping[str, Any]) -> None:
    if not guide.stages:
        return
    w.heading("overview")
    labels = w.labels
    header = ["#", labels["stage"], labels["duration"]]
    widths = [3, 40, 10]
    if guide.for_interviewers:
        header += [labels["interviewers"], labels["assesses"]]
        widths = [3, 22, 9, 20, 22]
    rows = [[w.blocks(text) for text in header]]
    for view in guide.stages:
        row = [w.blocks(str(view.number)), w.blocks(view.stage.title),
               w.blocks(_minutes(w, view.stage.duration_minutes))]
        if guide.for_interviewers:
            row += [w.blocks(view.stage.interviewers), w.blocks(_names(view.focus))]
        rows.append(row)
    w.add(w.list_table(rows, classes=["jobdesc-stages"], widths=widths, header_rows=1))
    if guide.for_interviewers and guide.scoring and guide.scoring.same_interviewers:
        w.add(_note(w, labels["same_interviewers"]))


def _note(w: Writer, text: str) -> nodes.paragraph:
    """A line in italics, such as a rule the interviewers follow."""
    return w.paragraph(nodes.emphasis("", w.oneline(text)))


def _competencies(w: Writer, guide: Guide, context: Mapping[str, Any]) -> None:
    if not (guide.for_interviewers and guide.competencies):
        return
    w.heading("competencies")
    items = []
    for competency in guide.competencies:
        name = w.oneline(competency.name)
        if not name:
            raise Fallback("a competency without a name")
        paragraphs = (_led_by(w, [w.strong(name)], ": ", competency.description)
                      if competency.description else [w.paragraph(w.strong(name))])
        if competency.calibration:
            paragraphs += _led_by(w, [nodes.emphasis("", f"{w.labels['calibration']}:")], " ",
                                  competency.calibration)
        items.append(nodes.list_item("", *paragraphs))
    w.add(w.located(nodes.bullet_list("", *items, bullet="-")))


def _stages(w: Writer, guide: Guide, context: Mapping[str, Any]) -> None:
    for view in guide.stages:
        if guide.for_interviewers:
            _new_page(w)
        w.heading(f"stage-{view.stage.id}", 1, view.stage.title)
        _stage_body(w, guide, view)


def _new_page(w: Writer) -> None:
    w.add(w.raw_latex(r"\clearpage"))


def _stage_body(w: Writer, guide: Guide, view: StageView) -> None:
    stage = view.stage
    labels = w.labels
    if stage.duration_minutes:
        line: list[nodes.Node] = [w.strong(f"{labels['duration']}:")]
        after = " " + _minutes(w, stage.duration_minutes)
        interviewers = w.oneline(stage.interviewers) if guide.for_interviewers else ""
        if interviewers:
            line += [nodes.Text(after + " · "), w.strong(f"{labels['interviewers']}:"),
                     nodes.Text(" " + interviewers)]
        else:
            line.append(nodes.Text(after))
        w.add(w.paragraph(*line))
    if stage.purpose:
        w.add(*w.blocks(stage.purpose))
    if stage.candidate_questions_minutes:
        label = labels["candidate_questions" if guide.for_interviewers else "your_questions"]
        w.add(_note(w, label.replace("{minutes}",
                                     _minutes(w, stage.candidate_questions_minutes))))
    if not guide.for_interviewers:
        return
    if stage.instructions:
        w.add(w.admonition(labels["instructions"], ["jobdesc-instructions"],
                           *w.blocks(stage.instructions)))
    if stage.beforehand:
        w.add(w.paragraph(w.strong(labels["beforehand"])), w.bullet_list(stage.beforehand))
    for question in view.questions:
        _question(w, guide, view, question)


def _question(w: Writer, guide: Guide, view: StageView, q: QuestionView) -> None:
    labels = w.labels
    title = f": {q.question.title}" if q.question.title else ""
    w.heading(f"question-{q.question.id}", 2,
              f"{labels['question']} {view.number}.{q.number}{title}")
    text = w.blocks(q.question.text)
    if not text:
        raise Fallback("a question without words")
    w.add(w.container(["jobdesc-question"], *text))
    details = [str(labels[q.question.type])] if q.question.type else []
    if q.question.duration_minutes:
        details.append(_minutes(w, q.question.duration_minutes))
    if q.competencies:
        details.append(", ".join(str(c.name) for c in q.competencies))
    if details:
        w.add(w.paragraph(nodes.emphasis("", " ".join(" · ".join(details).split()))))
    for kind in ("follow_ups", "look_for", "red_flags"):
        texts = getattr(q.question, kind)
        if texts:
            w.add(w.paragraph(w.strong(labels[kind])), w.bullet_list(texts))
    rows = [[w.blocks(labels[name]) for name in ("rating", "label", "looks_like")]]
    rows += [[w.blocks(str(a.point.value)), w.blocks(a.point.label), w.blocks(a.text or "—")]
             for a in q.anchors]
    w.add(w.list_table(rows, classes=["jobdesc-anchors"], widths=[8, 14, 54], header_rows=1,
                       title=" ".join(labels["anchors"].split())))
    w.add(w.only("latex", w.raw_latex(_NOTES_BOX % latex(labels["notes"]))),
          w.only("html", w.container(["jobdesc-notes"], *w.blocks(labels["notes"]))))


def _scorecards(w: Writer, guide: Guide, context: Mapping[str, Any]) -> None:
    if not (guide.for_interviewers and context["scorecard"] and guide.stages):
        return
    labels = w.labels
    _new_page(w)
    w.heading("scorecards")
    scale = guide.rating_scale
    bar = guide.bar
    for index, view in enumerate(guide.stages):
        if index:
            _new_page(w)
        w.heading(f"scorecard-{view.stage.id}", 2, f"{labels['scorecard']}: {view.stage.title}")
        w.add(w.paragraph(w.strong(f"{labels['candidate']}:"), nodes.Text(f" {_BLANK} "),
                          w.strong(f"{labels['interviewer']}:"), nodes.Text(f" {_BLANK}")))
        if guide.scoring and guide.scoring.independent:
            w.add(_note(w, labels["independent_scoring"]))
        w.add(w.only("latex", w.raw_latex(r"\renewcommand{\arraystretch}{2.4}")))
        empty: list[list[nodes.Node]] = [[] for _ in range(len(scale) + 1)]
        # with a hiring bar, a column of the rating each competency needs at this level
        bar_header = [w.blocks(labels["bar"])] if bar else []
        rows = [[w.blocks(labels["competency"]), *bar_header,
                 *(w.blocks(f"{point.value} {' '.join(point.label.split())}")
                   for point in scale),
                 w.blocks(labels["notes"])]]
        rows += [[w.blocks(competency.name), *_bar_cell(w, bar, competency.id), *empty]
                 for competency in view.focus]
        rows.append([w.blocks(labels["overall"]), *([[]] if bar else []), *empty])
        w.add(w.list_table(rows, classes=["jobdesc-scorecard", "standard"],
                           widths=[18, *([6] if bar else []), *(8 for _ in scale), 30],
                           header_rows=1, stub_columns=1))
        w.add(w.only("latex", w.raw_latex(r"\renewcommand{\arraystretch}{1}")))


def _debrief(w: Writer, guide: Guide, context: Mapping[str, Any]) -> None:
    debrief = guide.debrief
    if not (guide.for_interviewers and context["scorecard"] and debrief):
        return
    labels = w.labels
    bar = guide.bar
    _new_page(w)
    w.heading("debrief")
    w.add(_note(w, labels["debrief_rule"]))
    w.add(w.only("latex", w.raw_latex(r"\renewcommand{\arraystretch}{2.4}")))
    columns = [view.stage.title for view in debrief.stages]
    rows = [[w.blocks(labels["competency"]), w.blocks(labels["weight"]),
             *([w.blocks(labels["bar"])] if bar else []), *(w.blocks(t) for t in columns),
             w.blocks(labels["mean"])]]
    for row in debrief.rows:
        rows.append([w.blocks(row.competency.name), w.blocks(row.weight),
                     *_bar_cell(w, bar, row.competency.id),
                     *([] if rated else w.blocks("\u2014") for rated in row.rated), []])
    rows.append([w.blocks(labels["overall_score"]), [], *([[]] if bar else []),
                 *([] for _ in columns), []])
    w.add(w.list_table(rows, classes=["jobdesc-debrief", "standard"],
                       widths=[18, 7, *([6] if bar else []), *(9 for _ in columns), 9],
                       header_rows=1, stub_columns=1))
    w.add(w.only("latex", w.raw_latex(r"\renewcommand{\arraystretch}{1}")))


def _led_by(w: Writer, lead: list[nodes.Node], separator: str, text: Any) -> list[nodes.Node]:
    """*text* as paragraphs, the first led by *lead* and *separator* ("**Name**: ...",
    "*Calibration:* ...")."""
    if isinstance(text, Rst):
        raise Fallback("markup after a name or a label")
    first, *rest = plain_paragraphs(str(text)) or [""]
    return [w.paragraph(*lead, nodes.Text(f"{separator}{first}")),
            *(w.paragraph(nodes.Text(part)) for part in rest)]


def _bar_cell(w: Writer, bar: Mapping[str, int], competency_id: str) -> list[list[nodes.Node]]:
    """The cell of the hiring bar's column for *competency_id*, if the level has a bar."""
    return [w.blocks(str(bar.get(competency_id, "")))] if bar else []


_SLOTS: dict[str, Callable[[Writer, Guide, Mapping[str, Any]], None]] = {
    "overview": _overview, "competencies": _competencies, "stages": _stages,
    "scorecards": _scorecards, "debrief": _debrief,
}

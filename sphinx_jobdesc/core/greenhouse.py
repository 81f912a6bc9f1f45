"""``greenhouse.json``: each job (a level, or a role without levels) as material for
setting up or importing it in Greenhouse, in the names of Greenhouse's Harvest
objects: job stages with their interviews (estimated minutes, default
interviewer hints, an interview kit) and scorecard attributes.

Greenhouse's API does not create interview plans, so this is not a live sync:
an importer (or a person) maps it onto a job. Everything the interview guide
says about a question is in its stage's interview kit as readable HTML (not
JSON in a string): its competencies, type, duration, follow-ups, what to look
for, red flags and anchors; each stage's focus attributes and interviewers
too. Our rating scale maps onto Greenhouse's five recommendations by position
(:func:`recommendation`). The shape is versioned and described by
``schema/greenhouse.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .export import Exported
from .html_text import html_inline, html_list, html_paragraphs
from .model import RatingPoint, Role, Stage
from .views.interview import Guide, QuestionView, StageView, build_guide

#: The version of the ``greenhouse.json`` shape.
GREENHOUSE_VERSION = 2
#: Greenhouse's scorecard recommendations, from worst to best.
RECOMMENDATIONS = ("definitely_not", "no", "mixed", "yes", "strong_yes")
#: The attribute type of a competency without a ``category``.
DEFAULT_ATTRIBUTE_TYPE = "Skills"
#: The words of the interview kit (``jobdesc_labels`` may replace them by these names).
KIT_LABELS = {
    "purpose": "Purpose", "instructions": "Instructions for interviewers",
    "focus": "Attributes assessed in this interview", "interviewers": "Interviewers",
    "question": "Question", "type": "Type", "duration": "Duration", "minutes": "min",
    "assesses": "Attributes", "follow_ups": "Follow-up questions",
    "look_for": "What to look for", "red_flags": "Red flags", "anchors": "Rating anchors",
    "beforehand": "Before the interview, interviewers see",
    "candidate_questions": "Candidate's questions: {minutes}, after the last question",
    "calibration": "Calibration",
    "independent_scoring": "Score on your own and submit your scorecard before the debrief; "
                           "do not discuss the candidate before then.",
}


def recommendation(point: RatingPoint, scale: Sequence[RatingPoint]) -> str:
    """Greenhouse's recommendation for *point* on *scale*, by its position: the lowest
    is ``definitely_not`` and the highest ``strong_yes``; the middle of an odd scale
    is ``mixed``; below it ``no``, above it ``yes`` (a 4-point scale is
    definitely_not, no, yes, strong_yes)."""
    values = sorted(p.value for p in scale)
    if len(values) < 2:
        return "yes"
    share = values.index(point.value) / (len(values) - 1)
    if share in (0, 1):
        return RECOMMENDATIONS[0] if share == 0 else RECOMMENDATIONS[-1]
    return "mixed" if share == 0.5 else ("no" if share < 0.5 else "yes")


def greenhouse(roles: Exported, audience: str,
               labels: Mapping[str, str] = KIT_LABELS) -> dict[str, Any]:
    """Each job of *roles* in Greenhouse's shapes."""
    words = {**KIT_LABELS, **labels}
    jobs = []
    for _, views in roles:
        family = views[0]
        for view in (views[1:] if family.levels else views[:1]):
            jobs.append(_job(view, words))
    return {"format": "greenhouse-interview-plan", "version": GREENHOUSE_VERSION,
            "audience": audience, "jobs": jobs}


def _job(role: Role, words: Mapping[str, str]) -> dict[str, Any]:
    guide = build_guide(role, None, "interviewer")
    return {
        "name": role.title,
        "requisition_id": f"{role.id}:{role.level.id}" if role.level else role.id,
        "job_stages": [_stage(stage, guide, words) for stage in guide.stages],
        "scorecard_attributes": [{"name": c.name, "type": c.category or DEFAULT_ATTRIBUTE_TYPE}
                                 for c in role.competencies],
        "rating_scale": [{"value": p.value, "label": p.label,
                          "overall_recommendation": recommendation(p, guide.rating_scale)}
                         for p in guide.rating_scale],
    }


def _stage(view: StageView, guide: Guide, words: Mapping[str, str]) -> dict[str, Any]:
    stage = view.stage
    return {
        "name": stage.title,
        "priority": view.number - 1,
        "interviews": [{
            "name": stage.title,
            "schedulable": True,
            "estimated_minutes": stage.duration_minutes,
            "default_interviewer_users": _interviewers(stage),
            "interview_kit": {
                "content": _kit(view, guide, words),
                "questions": [{"question": str(q.question.text)} for q in view.questions],
            },
        }],
    }


def _interviewers(stage: Stage) -> list[dict[str, str]]:
    """Hints for whom to assign: each member of the panel (as many as it counts), or
    the stage's interviewers as written."""
    if stage.panel:
        return [{"name": member.role} for member in stage.panel for _ in range(member.count)]
    return [{"name": stage.interviewers}] if stage.interviewers else []


def _kit(view: StageView, guide: Guide, words: Mapping[str, str]) -> str:
    """The interview kit of one stage: what the interviewer reads, as HTML."""
    stage = view.stage
    parts = [_part(words["purpose"], html_paragraphs(stage.purpose)) if stage.purpose else "",
             _part(words["instructions"], html_paragraphs(stage.instructions))
             if stage.instructions else ""]
    if stage.beforehand:
        parts.append(_part(words["beforehand"], html_list(stage.beforehand)))
    if stage.candidate_questions_minutes:
        minutes = f"{stage.candidate_questions_minutes} {words['minutes']}"
        slot = words["candidate_questions"].replace("{minutes}", minutes)
        parts.append(f"<p><em>{html_inline(slot)}</em></p>")
    if view.focus:
        parts.append(_part(words["focus"], _labelled(
            (c.name, c.description) for c in view.focus)))
        calibrated = [(c.name, c.calibration) for c in view.focus if c.calibration]
        if calibrated:
            parts.append(_part(words["calibration"], _labelled(calibrated)))
    if stage.interviewers:
        parts.append(_part(words["interviewers"], html_paragraphs(stage.interviewers)))
    parts += [_question(question, guide.rating_scale, words) for question in view.questions]
    if guide.scoring and guide.scoring.independent:
        parts.append(f"<p><em>{html_inline(words['independent_scoring'])}</em></p>")
    return "".join(parts)


def _question(view: QuestionView, scale: Sequence[RatingPoint],
              words: Mapping[str, str]) -> str:
    question = view.question
    heading = f"{words['question']} {view.number}" + (
        f": {question.title}" if question.title else "")
    facts = [f"{words['type']}: {question.type}" if question.type else "",
             f"{words['duration']}: {question.duration_minutes} {words['minutes']}"
             if question.duration_minutes else "",
             f"{words['assesses']}: " + ", ".join(c.name for c in view.competencies)
             if view.competencies else ""]
    parts = [f"<h5>{html_inline(heading)}</h5>", html_paragraphs(question.text)]
    if any(facts):
        parts.append(f"<p>{html_inline(' | '.join(fact for fact in facts if fact))}</p>")
    for name, items in (("follow_ups", question.follow_ups), ("look_for", question.look_for),
                        ("red_flags", question.red_flags)):
        if items:
            parts.append(f"<p><strong>{html_inline(words[name])}</strong></p>"
                         + html_list(items))
    anchors = [a for a in view.anchors if a.text]
    if anchors:
        parts.append(f"<p><strong>{html_inline(words['anchors'])}</strong></p>" + _labelled(
            (f"{a.point.value} {a.point.label} ({recommendation(a.point, scale)})", a.text)
            for a in anchors))
    return "".join(parts)


def _part(title: str, body: str) -> str:
    return f"<h5>{html_inline(title)}</h5>{body}"


def _labelled(entries: Iterable[tuple[str, str | None]]) -> str:
    """A list of "**label**: text" entries (text may be ``markup: rst``)."""
    return "<ul>" + "".join(
        f"<li><strong>{html_inline(label)}</strong>" + (f": {html_inline(text)}" if text else "")
        + "</li>" for label, text in entries) + "</ul>"

"""Generated labels (headings, fact names, enum values), translatable and overridable.

Labels are marked for Sphinx's message catalog ``sphinx_jobdesc``, shipped in
``locales/`` (German, French, Spanish, Brazilian Portuguese and Russian):
``language = "de"`` in ``conf.py``
switches them, and ``jobdesc_labels`` still replaces any of them by name. Label
names are the names of :mod:`.core.vocabulary`. After editing a ``.po`` file,
compile it: ``pybabel compile -d sphinx_jobdesc/locales -D sphinx_jobdesc``
(``tests/test_translations.py`` fails on a stale ``.mo``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, translators

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_jobdesc"
_ = get_translation(MESSAGE_CATALOG)

#: Label name -> text, translated lazily. Names are stable: ``jobdesc_labels`` uses them.
LABELS = {
    "facts": _("At a glance"),
    "summary": _("About the role"),
    "level_summary": _("At this level"),
    "about": _("About us"),
    "responsibilities": _("Responsibilities"),
    "requirements": _("Requirements"),
    "must": _("Must have"),
    "nice": _("Nice to have"),
    "benefits": _("Benefits"),
    "faq": _("Frequently asked questions"),
    "hiring_process": _("Hiring process"),
    "apply": _("How to apply"),
    "apply_link": _("Apply now"),
    "level": _("Level"),
    "levels": _("Levels"),
    "family": _("Family"),
    "department": _("Department"),
    "team": _("Team"),
    "reports_to": _("Reports to"),
    "location": _("Location"),
    "employment_type": _("Employment type"),
    "salary": _("Salary range"),
    "last_changed": _("Last changed"),
    "minutes": _("min"),
    "overview": _("Interview stages"),
    "stages": _("Stages"),
    "competencies": _("Competencies"),
    "scorecards": _("Scorecards"),
    "stage": _("Stage"),
    "duration": _("Duration"),
    "interviewers": _("Interviewers"),
    "assesses": _("Competencies assessed"),
    "instructions": _("Instructions for interviewers"),
    "question": _("Question"),
    "follow_ups": _("Follow-up questions"),
    "look_for": _("What to look for"),
    "red_flags": _("Red flags"),
    "anchors": _("Rating anchors"),
    "rating": _("Rating"),
    "label": _("Label"),
    "looks_like": _("What an answer at this rating looks like"),
    "scorecard": _("Scorecard"),
    "candidate": _("Candidate"),
    "interviewer": _("Interviewer"),
    "competency": _("Competency"),
    "ladder_new": _("New"),
    "ladder_changed": _("Changed"),
    "ladder_dropped": _("No longer"),
    "role": _("Role"),
    "interviewguide_title": _("Interview guide: {title}"),
    "jobladder_title": _("Career ladder: {title}"),
    "jobhistory_title": _("History: {title}"),
    "history": _("History"),
    "history_added": _("role added"),
    "history_none": _("No changes recorded."),
    "history_limit": _("This history is incomplete: {reason}."),
    "notes": _("Notes"),
    "overall": _("Overall recommendation"),
    "beforehand": _("Before the interview, interviewers see"),
    "candidate_questions": _("Candidate's questions: {minutes}, after the last question"),
    "your_questions": _("Your questions: {minutes} at the end"),
    "calibration": _("Calibration"),
    "independent_scoring": _("Score on your own and submit your scorecard before the debrief; "
                             "do not discuss the candidate before then."),
    "same_interviewers": _("The same interviewers see every candidate."),
    "debrief": _("Debrief sheet"),
    "debrief_rule": _("Combine the ratings rather than debate them: a competency's rating is "
                      "the mean of its stages' ratings, and the overall score is the weighted "
                      "mean of the competencies' ratings."),
    "weight": _("Weight"),
    "mean": _("Mean"),
    "overall_score": _("Weighted mean"),
    "bar": _("Bar"),
    "behavioural": _("Behavioural"),
    "situational": _("Situational"),
    "technical": _("Technical"),
    "work_sample": _("Work sample"),
    "knowledge": _("Knowledge"),
    "onsite": _("On-site"),
    "hybrid": _("Hybrid"),
    "remote": _("Remote"),
    "applicants_from": _("applicants from"),
    "FULL_TIME": _("Full-time"),
    "PART_TIME": _("Part-time"),
    "CONTRACTOR": _("Contractor"),
    "TEMPORARY": _("Temporary"),
    "INTERN": _("Internship"),
    "VOLUNTEER": _("Volunteer"),
    "PER_DIEM": _("Per diem"),
    "OTHER": _("Other"),
    "HOUR": _("per hour"),
    "DAY": _("per day"),
    "WEEK": _("per week"),
    "MONTH": _("per month"),
    "YEAR": _("per year"),
}


class Labels(dict[str, str]):
    """Label name -> text. A name without a label reads as itself, made readable
    ("work_sample" -> "Work sample"): a value the format gains before its label
    shows as words instead of failing the template (and the whole directive)."""

    def __missing__(self, name: str) -> str:
        return readable(name)


def readable(name: str) -> str:
    """*name* (an id or enum value) as words: ``PER_DIEM`` -> "Per diem"."""
    return name.replace("_", " ").replace("-", " ").capitalize()


#: Where the compiled catalogs are: ``locales/<language>/LC_MESSAGES/sphinx_jobdesc.mo``.
LOCALES = os.path.join(os.path.dirname(__file__), "locales")


def add_message_catalog(app: Sphinx) -> None:
    """Make the labels speak the project's ``language``, and only that: Sphinx adds the
    catalogs it loads to those of an earlier build in the same process (a German
    build, then an English one, would still show German labels)."""
    translators.pop(("general", MESSAGE_CATALOG), None)
    app.add_message_catalog(MESSAGE_CATALOG, LOCALES)


def labels(overrides: Mapping[str, str]) -> Labels:
    """Every label in the build's language, with the project's overrides applied."""
    translated = Labels((name, str(text)) for name, text in LABELS.items())
    translated.update(overrides)
    return translated

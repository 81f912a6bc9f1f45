"""The typed, immutable role that templates and checks work with.

Everything between loading and rendering goes through these frozen
dataclasses: directives and templates never see raw YAML. Text fields are
``str`` (plain text, escaped when rendered) or :class:`~.markup.Rst` (from
``markup: rst`` files, already vetted). Values that checks may report on keep
their origin (file, line). They are built from the merged YAML by :mod:`.build`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .problems import Origin


@dataclass(frozen=True, slots=True)
class Item:
    """A responsibility, requirement, benefit or similar entry."""

    text: str
    id: str | None = None
    competencies: tuple[str, ...] = ()
    origin: Origin | None = None
    #: "internal" items are left out of public builds.
    visibility: str = "public"


@dataclass(frozen=True, slots=True)
class Requirements:
    must: tuple[Item, ...] = ()
    nice: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """An extra section of the job description, such as "Current trends in our work"."""

    id: str
    title: str
    body: str
    origin: Origin | None = None
    visibility: str = "public"


@dataclass(frozen=True, slots=True)
class FaqEntry:
    question: str
    answer: str
    id: str | None = None
    visibility: str = "public"


@dataclass(frozen=True, slots=True)
class Place:
    locality: str | None = None
    region: str | None = None
    country: str | None = None
    postal_code: str | None = None

    def __str__(self) -> str:
        return ", ".join(part for part in (self.locality, self.region, self.country) if part)


@dataclass(frozen=True, slots=True)
class Location:
    type: str | None = None
    places: tuple[Place, ...] = ()
    applicant_countries: tuple[str, ...] = ()
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Compensation:
    """The salary range that applies to the rendered level (or the whole family)."""

    currency: str | None = None
    period: str | None = None
    min: float | None = None
    max: float | None = None
    note: str | None = None
    #: Where the range was written: the level's entry in ``ranges``, else ``compensation``.
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    name: str | None = None
    url: str | None = None
    logo: str | None = None


@dataclass(frozen=True, slots=True)
class Posting:
    date_posted: datetime.date | None = None
    valid_through: datetime.date | None = None
    apply_url: str | None = None
    identifier: str | None = None
    direct_apply: bool | None = None
    hiring_organization: Organization | None = None
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    description: str | None = None
    anchors: tuple[tuple[int, str], ...] = ()
    origin: Origin | None = None
    #: What the competency looks like at each level: (level id, text).
    expectations: tuple[tuple[str, str], ...] = ()
    #: The kind of scorecard attribute (an ATS's attribute type), if given.
    category: str | None = None
    #: Training and calibration notes for the interviewers who rate it.
    calibration: str | None = None


@dataclass(frozen=True, slots=True)
class RatingPoint:
    value: int
    label: str


DEFAULT_RATING_SCALE = (
    RatingPoint(1, "Strong no"),
    RatingPoint(2, "No"),
    RatingPoint(3, "Yes"),
    RatingPoint(4, "Strong yes"),
)


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    title: str | None = None
    type: str | None = None
    competencies: tuple[str, ...] = ()
    duration_minutes: int | None = None
    follow_ups: tuple[str, ...] = ()
    look_for: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    anchors: tuple[tuple[int, str], ...] = ()
    levels: tuple[str, ...] = ()
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Interviewer:
    """A person or role on a stage's panel, and how many of them."""

    role: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    duration_minutes: int | None = None
    #: Who interviews, in words (the panel listed, or the text written), as guides show it.
    interviewers: str | None = None
    purpose: str | None = None
    instructions: str | None = None
    focus: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    origin: Origin | None = None
    #: The panel, when the role file lists it (empty when ``interviewers`` is a text).
    panel: tuple[Interviewer, ...] = ()
    #: What interviewers may see before this interview.
    beforehand: tuple[str, ...] = ()
    #: A closing slot for the candidate's questions, after the last question.
    candidate_questions_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Scoring:
    """How the ratings of an interview are combined (the debrief sheet)."""

    #: Every interviewer scores alone and submits before the debrief.
    independent: bool = False
    #: The same interviewers see every candidate.
    same_interviewers: bool = False
    #: (competency id, weight in the overall score); competencies not named weigh 1.
    weights: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Interview:
    rating_scale: tuple[RatingPoint, ...] = DEFAULT_RATING_SCALE
    #: True: an anchor per rating for every question, its own or its competencies';
    #: "question": its own.
    require_anchors: bool | str = False
    stages: tuple[Stage, ...] = ()
    #: How ratings are combined; None: the role file says nothing (no debrief sheet).
    scoring: Scoring | None = None


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of the family's ladder."""

    id: str
    title: str
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class HiringStep:
    """A candidate-facing step; derived from interview stages it has a duration only."""

    text: str
    duration_minutes: int | None = None
    visibility: str = "public"


@dataclass(frozen=True, slots=True)
class Role:
    """A role family merged for one level (``level`` is None for the family view)."""

    id: str
    title: str
    summary: str
    origin: Origin
    level: Level | None = None
    levels: tuple[Level, ...] = ()
    #: The rendered level's own summary ("At this level"), shown after the family's.
    level_summary: str | None = None
    about: str | None = None
    family: str | None = None
    department: str | None = None
    team: str | None = None
    #: The role (``id`` or ``id:level``) this one reports to.
    reports_to: str | None = None
    owners: tuple[str, ...] = ()
    reviewed: datetime.date | None = None
    employment_type: tuple[str, ...] = ()
    location: Location | None = None
    compensation: Compensation | None = None
    responsibilities: tuple[Item, ...] = ()
    requirements: Requirements = Requirements()
    benefits: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    hiring_process: tuple[HiringStep, ...] = ()
    how_to_apply: str | None = None
    posting: Posting | None = None
    competencies: tuple[Competency, ...] = ()
    #: The hiring bar: (competency id, the lowest rating that passes) at this level.
    bar: tuple[tuple[str, int], ...] = ()
    interview: Interview | None = None
    #: Where each top-level key of the merged role was written (the file that set it last).
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))


def applies_to(levels: tuple[str, ...], level: Level | None) -> bool:
    """Whether a stage or question limited to *levels* (none: all) applies at *level*.

    The family view (no level) shows everything.
    """
    return level is None or not levels or level.id in levels


# --- building the model from merged, validated data -------------------------------------

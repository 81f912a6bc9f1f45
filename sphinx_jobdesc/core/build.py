"""The typed role built from a role file's merged, validated YAML.

The one place that reads YAML trees into :mod:`.model` values; what the schema
could not require of a single file (say, a title that only the merge supplies)
is a problem here.
"""

from __future__ import annotations

import datetime
from types import MappingProxyType
from typing import Any

from .model import (
    DEFAULT_RATING_SCALE,
    Compensation,
    Competency,
    FaqEntry,
    HiringStep,
    Interview,
    Interviewer,
    Item,
    Level,
    Location,
    Organization,
    Place,
    Posting,
    Question,
    RatingPoint,
    Requirements,
    Role,
    Scoring,
    Section,
    Stage,
    applies_to,
)
from .problems import Origin, Problem
from .schema import required_after_merge
from .tree import Map, Seq


def build_role(
    tree: Map, *, role_id: str, origin: Origin, level: Level | None, levels: tuple[Level, ...]
) -> tuple[Role, list[Problem]]:
    """The typed role for *tree* (already merged and validated) and any missing required data."""
    problems = [
        Problem("schema", f"missing required key '{key}' in role '{role_id}'"
                + (f" at level '{level.id}'" if level else ""), origin)
        for key in required_after_merge() if key not in tree
    ]
    requirements = tree.get("requirements", {})
    if "requirements" in tree and not requirements.get("must"):
        problems.append(Problem("schema", f"requirements.must of role '{role_id}' needs at "
                                "least one entry", tree.origins["requirements"]))
    interview = _interview(tree.get("interview"), problems)
    role = Role(
        id=role_id,
        title=tree.get("title", role_id),
        summary=tree.get("summary", ""),
        origin=origin,
        level=level,
        levels=levels,
        level_summary=tree.get("level_summary"),
        about=tree.get("about"),
        family=tree.get("family"),
        department=tree.get("department"),
        team=tree.get("team"),
        reports_to=tree.get("reports_to"),
        owners=tuple(tree.get("owners", ())),
        reviewed=_date(tree.get("reviewed")),
        employment_type=tuple(tree.get("employment_type", ())),
        location=_location(tree.get("location"), tree.origins.get("location")),
        compensation=_compensation(tree.get("compensation"), level,
                                   tree.origins.get("compensation")),
        responsibilities=_items(tree.get("responsibilities"), problems),
        requirements=Requirements(_items(requirements.get("must"), problems),
                                  _items(requirements.get("nice"), problems)),
        benefits=_items(tree.get("benefits"), problems),
        sections=tuple(Section(s["id"], s["title"], s["body"], o, s.get("visibility", "public"))
                       for s, o in _entries(tree.get("sections"), ("title", "body"), problems)),
        faq=tuple(FaqEntry(entry["q"], entry["a"], entry.get("id"),
                           entry.get("visibility", "public"))
                  for entry, _ in _entries(tree.get("faq"), ("q", "a"), problems)),
        hiring_process=_hiring_process(tree.get("hiring_process"), interview, level, problems),
        how_to_apply=tree.get("how_to_apply"),
        posting=_posting(tree.get("posting"), tree.origins.get("posting")),
        competencies=tuple(
            Competency(c["id"], c["name"], c.get("description"), _anchors(c.get("anchors")), o,
                       tuple(c.get("expectations", {}).items()), c.get("category"),
                       c.get("calibration"))
            for c, o in _entries(tree.get("competencies"), ("name",), problems)
        ),
        bar=tuple(tree.get("bar", {}).items()),
        interview=interview,
        origins=MappingProxyType(dict(tree.origins)),
    )
    return role, problems


def _entries(
    seq: Seq | None, required: tuple[str, ...], problems: list[Problem]
) -> list[tuple[Any, Origin]]:
    """The entries of an id-merged list with their origins, without incomplete ones.

    An entry may override an inherited one with a few fields, so its required
    fields are only known to be missing once inheritance has been applied.
    """
    entries = []
    for value, origin in zip(seq or (), seq.origins if seq else (), strict=True):
        missing = [key for key in required if isinstance(value, Map) and key not in value]
        if missing:
            names = ", ".join(f"'{key}'" for key in missing)
            problems.append(Problem("schema", f"'{value.get('id')}' is missing required key "
                                    f"{names} (after inheritance); it is left out", origin))
            continue
        entries.append((value, origin))
    return entries


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _items(seq: Seq | None, problems: list[Problem]) -> tuple[Item, ...]:
    return tuple(
        Item(value["text"], value.get("id"), tuple(value.get("competencies", ())), origin,
             value.get("visibility", "public"))
        if isinstance(value, Map) else Item(value, origin=origin)
        for value, origin in _entries(seq, ("text",), problems)
    )


def _texts(seq: Seq | None) -> tuple[str, ...]:
    return tuple(seq) if seq else ()


def _anchors(value: Map | None) -> tuple[tuple[int, str], ...]:
    return tuple(sorted((int(key), text) for key, text in value.items())) if value else ()


def _location(value: Map | None, origin: Origin | None) -> Location | None:
    if value is None:
        return None
    places = tuple(Place(**place) for place in value.get("places", ()))
    return Location(value.get("type"), places, tuple(value.get("applicant_countries", ())),
                    origin)


def _compensation(
    value: Map | None, level: Level | None, origin: Origin | None
) -> Compensation | None:
    """The range for *level* from ``ranges``, else ``min``/``max``; for the family, the span."""
    if value is None:
        return None
    low, high = value.get("min"), value.get("max")
    ranges = value.get("ranges", ())
    if level is not None:
        for entry, entry_origin in zip(ranges, getattr(ranges, "origins", ()), strict=True):
            if entry["level"] == level.id:
                low, high = entry.get("min", low), entry.get("max", high)
                origin = entry_origin
    elif ranges:
        lows = [entry["min"] for entry in ranges if "min" in entry]
        highs = [entry["max"] for entry in ranges if "max" in entry]
        low = min(lows) if lows else low
        high = max(highs) if highs else high
    return Compensation(value.get("currency"), value.get("period"), low, high, value.get("note"),
                        origin)


def _posting(value: Map | None, origin: Origin | None) -> Posting | None:
    if value is None:
        return None
    organization = value.get("hiring_organization")
    return Posting(
        date_posted=_date(value.get("date_posted")),
        valid_through=_date(value.get("valid_through")),
        apply_url=value.get("apply_url"),
        identifier=value.get("identifier"),
        direct_apply=value.get("direct_apply"),
        hiring_organization=Organization(**organization) if organization else None,
        origin=origin,
    )


def _interview(value: Map | None, problems: list[Problem]) -> Interview | None:
    if value is None:
        return None
    scale = tuple(RatingPoint(p["value"], p["label"]) for p in value.get("rating_scale", ()))
    stages = tuple(_stage(stage, origin, problems)
                   for stage, origin in _entries(value.get("stages"), ("title",), problems))
    scoring = value.get("scoring")
    return Interview(scale or DEFAULT_RATING_SCALE, value.get("require_anchors", False), stages,
                     None if scoring is None else Scoring(
                         scoring.get("independent", False),
                         scoring.get("same_interviewers", False),
                         tuple(scoring.get("weights", {}).items())))


def _stage(value: Map, origin: Origin, problems: list[Problem]) -> Stage:
    panel = _panel(value.get("interviewers"))
    return Stage(
        id=value["id"],
        title=value["title"],
        duration_minutes=value.get("duration_minutes"),
        interviewers=_interviewers_text(value.get("interviewers"), panel),
        purpose=value.get("purpose"),
        instructions=value.get("instructions"),
        focus=tuple(value.get("focus", ())),
        levels=tuple(value.get("levels", ())),
        questions=tuple(_question(q, o)
                        for q, o in _entries(value.get("questions"), ("text",), problems)),
        origin=origin,
        panel=panel,
        beforehand=_texts(value.get("beforehand")),
        candidate_questions_minutes=value.get("candidate_questions_minutes"),
    )


def _panel(value: Any) -> tuple[Interviewer, ...]:
    """The stage's panel, from a list of texts or {role, count}; empty for a text."""
    if not isinstance(value, list):
        return ()
    return tuple(Interviewer(entry["role"], entry.get("count", 1)) if isinstance(entry, dict)
                 else Interviewer(entry) for entry in value)


def _interviewers_text(value: Any, panel: tuple[Interviewer, ...]) -> str | None:
    """Who interviews, in words: the text as written, or the *panel* listed, each role
    after its count when there are several (a multiplication sign between them)."""
    if not isinstance(value, list):
        return value  # type: ignore[no-any-return]
    return ", ".join(f"{member.count} \u00d7 {member.role}" if member.count > 1 else member.role
                     for member in panel) or None


def _question(value: Map, origin: Origin) -> Question:
    return Question(
        id=value["id"],
        text=value["text"],
        title=value.get("title"),
        type=value.get("type"),
        competencies=tuple(value.get("competencies", ())),
        duration_minutes=value.get("duration_minutes"),
        follow_ups=_texts(value.get("follow_ups")),
        look_for=_texts(value.get("look_for")),
        red_flags=_texts(value.get("red_flags")),
        anchors=_anchors(value.get("anchors")),
        levels=tuple(value.get("levels", ())),
        origin=origin,
    )


def _hiring_process(
    explicit: Seq | None, interview: Interview | None, level: Level | None,
    problems: list[Problem],
) -> tuple[HiringStep, ...]:
    """Explicit steps, or the interview stages for this level (names and durations only)."""
    if explicit:
        return tuple(HiringStep(item.text, visibility=item.visibility)
                     for item in _items(explicit, problems))
    if interview is None:
        return ()
    return tuple(
        HiringStep(stage.title, stage.duration_minutes)
        for stage in interview.stages
        if applies_to(stage.levels, level)
    )

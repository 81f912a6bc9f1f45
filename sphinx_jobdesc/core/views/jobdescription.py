"""What a job description shows beyond the role's own text: its facts ("At a
glance") and the words for its location and pay."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from babel.core import UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from ..markup import Rst, escape
from ..model import Compensation, Location, Role


def amount(value: float, locale: str | None = None) -> str:
    """A salary amount as the page's language writes numbers ("82,000" in English,
    "82.000" in German); without a language, English."""
    pattern = "#,##0" if float(value).is_integer() else "#,##0.00"
    if locale:
        try:
            return format_decimal(value, format=pattern, locale=locale)
        except (UnknownLocaleError, ValueError):  # a language Babel does not know
            pass
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def date_text(iso: str, locale: str | None = None) -> str:
    """A date (``2026-11-20``) as the page's language writes it ("20.11.2026" in
    German); ISO 8601 in English and without a language, as git and the role files
    write it."""
    if locale and not locale.startswith("en"):
        try:
            return format_date(datetime.date.fromisoformat(iso), format="medium", locale=locale)
        except (UnknownLocaleError, ValueError):
            pass
    return iso


def location_text(location: Location, labels: Mapping[str, str]) -> str:
    """"Remote (DE, NL)", "Hybrid: Berlin, DE" and the like."""
    kind = labels.get(location.type, location.type) if location.type else ""
    places = "; ".join(str(place) for place in location.places)
    if location.type == "remote" and location.applicant_countries:
        places = places or ", ".join(location.applicant_countries)
        return f"{kind} ({places})"
    return ": ".join(part for part in (kind, places) if part)


def salary_range(compensation: Compensation, labels: Mapping[str, str],
                 locale: str | None = None) -> str:
    """"EUR 70,000-90,000 per year" (with an en dash); empty without amounts."""
    amounts = [amount(v, locale) for v in (compensation.min, compensation.max)
               if v is not None]
    span = "\u2013".join(dict.fromkeys(amounts))  # an en dash
    period = labels.get(compensation.period, "") if compensation.period and span else ""
    return " ".join(part for part in (compensation.currency if span else "", span, period) if part)


def salary_text(compensation: Compensation, labels: Mapping[str, str],
                locale: str | None = None) -> str | Rst:
    """The salary range, then the note as a paragraph: plain text unless the note is
    ``markup: rst``."""
    parts = [part for part in (salary_range(compensation, labels, locale), compensation.note)
             if part]
    if isinstance(compensation.note, Rst):
        return Rst("\n\n".join(escape(part) for part in parts))
    return "\n\n".join(parts)


def job_link(text: Any, target: str) -> Rst:
    """A ``:job:`` link to *target* (an id the schema checked) with *text* as its words."""
    words = " ".join(str(text).split())
    for char in "\\`<>":
        words = words.replace(char, "\\" + char)
    return Rst(f":job:`{words} <{target}>`")


def facts(role: Role, labels: Mapping[str, str], reports_to_title: str | None,
          last_changed: str | None = None, locale: str | None = None) -> list[tuple[str, str]]:
    """The at-a-glance rows of *role*: (label name, text), only those that have a value,
    in the order of :data:`~..vocabulary.FACTS`; numbers as *locale* (the page's
    language) writes them."""
    rows: list[tuple[str, str]] = []
    if role.level is not None:
        rows.append(("level", role.level.title))
    elif role.levels:
        rows.append(("levels", ", ".join(level.title for level in role.levels)))
    rows.extend((name, value) for name in ("department", "team")
                if (value := getattr(role, name)))
    if role.reports_to:  # an id the schema checked; the title as its words, if known
        rows.append(("reports_to", job_link(reports_to_title, role.reports_to)
                     if reports_to_title else Rst(f":job:`{role.reports_to}`")))
    if role.location is not None and (text := location_text(role.location, labels)):
        rows.append(("location", text))
    if role.employment_type:
        rows.append(("employment_type",
                     ", ".join(labels.get(kind, kind) for kind in role.employment_type)))
    if role.compensation is not None and (
            text := salary_text(role.compensation, labels, locale)):
        rows.append(("salary", text))
    if last_changed:
        rows.append(("last_changed", last_changed))
    return rows

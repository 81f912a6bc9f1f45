"""Checks of the public posting data: pay, currency, remote applicants, required
JobPosting properties, and dates that have gone stale."""

from __future__ import annotations

import datetime

from ..model import Role
from ..problems import Problem
from ..vocabulary import CURRENCIES
from .settings import CheckSettings


def posting_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """The ``posting`` check: a salary range where the law asks for one, and whatever
    search engines would reject in the role's JobPosting."""
    problems = []
    pay = role.compensation
    if settings.require_salary and (pay is None or pay.min is None or pay.max is None):
        problems.append(Problem(
            "posting", f"{_name(role)} has no salary range (min and max); pay-transparency "
            "laws in many places require one in every posting (jobdesc_require_salary)",
            pay.origin if pay and pay.origin else role.origin, "warning"))
    posting = role.posting
    if posting is not None and posting.valid_through is None:
        problems.append(Problem(
            "posting", "'posting' has no 'valid_through': search engines keep showing a "
            "posting without an end date after the job is filled",
            posting.origin or role.origin, "notice"))
    return problems + jobposting_problems(role, posted=posting is not None)


def jobposting_problems(role: Role, *, posted: bool = True) -> list[Problem]:
    """What search engines would reject in the JobPosting of *role*: its pay and
    location always, and (if it is *posted*) the properties a JobPosting requires.

    One rule set: the ``posting`` check reports these, and a page whose JobPosting
    has any is left without one. Both give the same problems, so one defect is one
    warning.
    """
    problems: list[Problem] = []

    def report(message: str, origin: tuple[str, int] | None, error: bool = False) -> None:
        problems.append(Problem("posting", message, origin or role.origin,
                                "error" if error else "warning"))

    pay = role.compensation
    if pay is not None:
        if pay.min is not None and pay.max is not None and pay.min > pay.max:
            report(f"salary range of {_name(role)}: min {pay.min:g} is more than max "
                   f"{pay.max:g}", pay.origin, error=True)
        if pay.currency is not None and pay.currency not in CURRENCIES:
            report(f"'{pay.currency}' is not an ISO 4217 currency people are paid in "
                   "(such as EUR, USD, GBP)", pay.origin, error=True)
        if (pay.min is not None or pay.max is not None) and pay.currency is None:
            report(f"the salary range of {_name(role)} has no currency", pay.origin)
    location = role.location
    if location is not None and location.type == "remote" and not location.applicant_countries:
        report("a fully remote role must name 'applicant_countries' (where applicants may live); "
               "search engines reject remote postings without them", location.origin)
    if not posted:
        return problems
    posting = role.posting
    where = posting.origin if posting else None
    if posting is None or posting.date_posted is None:
        report("'posting' has no 'date_posted', which a JobPosting requires", where)
    if posting is None or posting.hiring_organization is None or (
            not posting.hiring_organization.name):
        report("'posting' names no 'hiring_organization' (with a 'name'), which a "
               "JobPosting requires", where)
    if (location is None or not location.places) and (
            location is None or location.type != "remote"):
        report("a posted role needs 'location.places' (or 'location.type: remote' with "
               "'applicant_countries') for the JobPosting's location", where)
    if posting and posting.date_posted and posting.valid_through and (
            posting.valid_through < posting.date_posted):
        report(f"posting.valid_through {posting.valid_through} is before date_posted "
               f"{posting.date_posted}", where, error=True)
    return problems


def staleness_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """A review date older than allowed, a posting whose end date has passed."""
    problems = []
    today = settings.date()
    reviewed = role.reviewed
    if reviewed is not None and settings.stale_after_days and (
            today - reviewed > datetime.timedelta(days=settings.stale_after_days)):
        problems.append(Problem(
            "staleness", f"{_name(role)} was last reviewed on {reviewed}, more than "
            f"{settings.stale_after_days} days ago (jobdesc_stale_after_days); review it and "
            "update 'reviewed'", role.origins.get("reviewed", role.origin), "warning"))
    posting = role.posting
    if posting is not None and posting.valid_through is not None and (
            posting.valid_through < today):
        problems.append(Problem(
            "staleness", f"the posting of {_name(role)} expired on {posting.valid_through} "
            "(posting.valid_through); remove the posting or extend the date",
            posting.origin or role.origin, "warning"))
    return problems


def _name(role: Role) -> str:
    return f"role '{role.id}'" + (f" at level '{role.level.id}'" if role.level else "")

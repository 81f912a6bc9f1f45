"""schema.org JobPosting for search engines, mapped from the role a page renders.

The mapping follows Google's job posting structured data: the title, a
description in HTML made of the same summary, responsibilities and
requirements the page shows, the dates, employment type, hiring
organization, location (or TELECOMMUTE with the countries applicants may live
in, which its description then states too), the salary range, identifier (one
per level: see ``resolve._level_identifier``) and direct apply. Interview
content is never part of it. What search engines would reject is one rule set,
:func:`.checks.posting.jobposting_problems`, shared with the ``posting`` check.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .html_text import html_list, html_paragraphs
from .model import Role

JsonLd = dict[str, Any]


def job_posting(role: Role, labels: Mapping[str, str], shown: Sequence[str]) -> JsonLd:
    """The JobPosting of *role* (merged for the level the page shows), describing the
    parts in *shown* (summary, responsibilities, requirements) that the page shows."""
    posting = role.posting
    data: JsonLd = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": role.title,
        "description": description(role, labels, shown),
    }
    if posting and posting.date_posted:
        data["datePosted"] = posting.date_posted.isoformat()
    if posting and posting.valid_through:
        data["validThrough"] = posting.valid_through.isoformat()
    if role.employment_type:
        data["employmentType"] = list(role.employment_type)
    organization = posting.hiring_organization if posting else None
    if organization and organization.name:
        data["hiringOrganization"] = _without_none({
            "@type": "Organization", "name": organization.name, "sameAs": organization.url,
            "logo": organization.logo})
    location = role.location
    if location is not None and location.places and location.type != "remote":
        data["jobLocation"] = [{"@type": "Place", "address": _without_none({
            "@type": "PostalAddress", "addressLocality": place.locality,
            "addressRegion": place.region, "postalCode": place.postal_code,
            "addressCountry": place.country})} for place in location.places]
    if location is not None and location.type == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": country} for country in location.applicant_countries]
    pay = role.compensation
    if pay is not None and (pay.min is not None or pay.max is not None):
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay.currency,
                              "value": _without_none({
                                  "@type": "QuantitativeValue", "minValue": pay.min,
                                  "maxValue": pay.max, "unitText": pay.period})}
    if posting and posting.identifier:
        data["identifier"] = {"@type": "PropertyValue",
                              "name": organization.name if organization else role.id,
                              "value": posting.identifier}
    if posting and posting.direct_apply is not None:
        data["directApply"] = posting.direct_apply
    return data


def description(role: Role, labels: Mapping[str, str], shown: Sequence[str]) -> str:
    """The summary, responsibilities and requirements as HTML, as far as the page shows them."""
    parts = [html_paragraphs(text) for text in (role.summary, role.level_summary)
             if text and "summary" in shown]
    location = role.location
    if location is not None and location.type == "remote":  # not only in the metadata
        countries = ", ".join(location.applicant_countries)
        parts.insert(0, f"<p><strong>{html.escape(labels['remote'])}</strong>"
                     + (f" ({html.escape(labels['applicants_from'])} {html.escape(countries)})"
                        if countries else "") + "</p>")
    for part, label, items in (
            ("responsibilities", labels["responsibilities"], role.responsibilities),
            ("requirements", labels["must"], role.requirements.must),
            ("requirements", labels["nice"], role.requirements.nice)):
        if items and part in shown:
            parts.append(f"<p><strong>{html.escape(label)}</strong></p>"
                         + html_list(item.text for item in items))
    return "".join(parts)


def _without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value is not None}


#: What JSON inside an HTML <script> element must not contain as is: "<" could
#: start "</script", "<!--" or "<script" (which change how the element ends, per
#: the HTML spec); ">" and "&" for good measure; U+2028/U+2029 end lines in JavaScript.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: JsonLd) -> str:
    """*data* as JSON that is safe inside a ``<script>`` element (numbers are finite:
    validation refuses NaN and infinity, and this raises rather than write them)."""
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).translate(
        _SCRIPT_ESCAPES)

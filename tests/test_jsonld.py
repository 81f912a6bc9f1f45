"""schema.org JobPosting on single-role pages: present where it should be, matching what
the page shows, valid for Google, and absent from pages that list several roles."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Project

ROLE = """\
title: Backend Developer
summary: |
  You build the APIs of our scheduling platform, with the team.

  You own them in production.
employment_type: [FULL_TIME]
location:
  type: hybrid
  places: [{locality: Berlin, region: BE, country: DE, postal_code: "10115"}]
compensation: {currency: EUR, period: YEAR, min: 60000, max: 80000}
posting:
  date_posted: 2026-11-01
  valid_through: 2027-01-31
  identifier: ENG-7
  direct_apply: true
  hiring_organization: {name: Acme, url: "https://acme.example", logo: "https://acme.example/logo.png"}
responsibilities: [Design APIs, Debug production issues]
requirements:
  must: [Python or Java]
  nice: [Redis]
levels:
  - {id: middle, title: Middle Backend Developer}
  - {id: senior, title: Senior Backend Developer}
"""


def postings(html: str) -> list[dict[str, object]]:
    return [json.loads(text) for text in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def site(project: Project) -> Project:
    project.write("roles/backend.yaml", ROLE)
    project.write("index.rst", "Senior\n======\n\n.. jobdescription:: backend\n   :level: senior\n")
    return project


def test_a_level_page_carries_its_job_posting(site: Project) -> None:
    site.build()
    assert site.warnings == []
    (posting,) = postings(site.output("index.html"))
    assert {key: value for key, value in posting.items() if key != "description"} == {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Senior Backend Developer",
        "datePosted": "2026-11-01",
        "validThrough": "2027-01-31",
        "employmentType": ["FULL_TIME"],
        "hiringOrganization": {"@type": "Organization", "name": "Acme",
                               "sameAs": "https://acme.example",
                               "logo": "https://acme.example/logo.png"},
        "jobLocation": [{"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": "Berlin", "addressRegion": "BE",
            "postalCode": "10115", "addressCountry": "DE"}}],
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
            "@type": "QuantitativeValue", "minValue": 60000, "maxValue": 80000,
            "unitText": "YEAR"}},
        "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "ENG-7"},
        "directApply": True,
    }


def test_the_description_is_the_visible_text(site: Project) -> None:
    site.build()
    html = site.output("index.html")
    (posting,) = postings(html)
    description = str(posting["description"])
    assert description.startswith("<p>You build the APIs of our scheduling platform, with the "
                                  "team.</p><p>You own them in production.</p>")
    visible = text_of(re.sub(r'<script type="application/ld\+json">.*?</script>', "", html,
                             flags=re.S))
    parts = ("About the role", "Responsibilities", "Requirements", "Must have",
             "Nice to have")
    shown = text_of(description)
    for part in re.split(r" (?:Responsibilities|Must have|Nice to have) ", shown):
        assert part in visible, part
    assert all(label in visible for label in parts)
    assert "60,000" in visible and "Senior Backend Developer" in visible


def test_only_pages_with_one_posting_get_one(site: Project) -> None:
    site.write("index.rst", "Roles\n=====\n\n.. toctree::\n\n   both\n   family\n   catalog\n"
               "   ladder\n")
    site.write("both.rst", "Both\n====\n\n.. jobdescription:: backend\n   :level: middle\n"
               "   :sections: summary\n\n.. jobdescription:: backend\n   :level: senior\n"
               "   :sections: summary\n")
    site.write("family.rst", "Family\n======\n\n.. jobdescription:: backend\n")
    site.write("catalog.rst", "Catalog\n=======\n\n.. jobcatalog::\n")
    site.write("ladder.rst", "Ladder\n======\n\n.. jobladder:: backend\n")
    site.build()
    assert site.warnings == []
    for page in ("both", "catalog", "ladder", "index"):
        assert postings(site.output(f"{page}.html")) == [], page
    (family,) = postings(site.output("family.html"))  # one role: the family, all levels
    assert family["title"] == "Backend Developer"


def test_roles_without_posting_data_get_none_unless_asked(site: Project) -> None:
    site.write("roles/backend.yaml", re.sub(r"posting:\n(  .*\n)+", "", ROLE))
    site.build()
    assert postings(site.output("index.html")) == []
    site.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_jsonld = True\n')
    site.build()
    assert site.warnings == [
        "src/roles/backend.yaml:1: WARNING: 'posting' has no 'date_posted', which a JobPosting "
        "requires; no JobPosting is added to the page (used in index.rst:4) [jobdesc.posting]",
        "src/roles/backend.yaml:1: WARNING: 'posting' names no 'hiring_organization' (with a "
        "'name'), which a JobPosting requires; no JobPosting is added to the page (used in "
        "index.rst:4) [jobdesc.posting]",
    ]
    assert postings(site.output("index.html")) == []


def test_a_posting_defect_is_one_warning_from_the_check_and_the_page(site: Project) -> None:
    """The posting check and the page's JobPosting share one rule set: a defect both
    see is one warning, saying what it costs the page."""
    site.write("roles/backend.yaml", ROLE.replace("  date_posted: 2026-11-01\n", ""))
    site.build()
    assert [w for w in site.warnings if "date_posted" in w] == [
        "src/roles/backend.yaml:11: WARNING: 'posting' has no 'date_posted', which a "
        "JobPosting requires; no JobPosting is added to the page (used in index.rst:4) "
        "[jobdesc.posting]",
    ]
    assert postings(site.output("index.html")) == []


def test_a_remote_role_is_telecommute_with_applicant_countries(site: Project) -> None:
    site.write("roles/backend.yaml", ROLE.replace(
        'location:\n  type: hybrid\n  places: [{locality: Berlin, region: BE, country: DE, '
        'postal_code: "10115"}]', "location: {type: remote, applicant_countries: [DE, AT]}"))
    site.build()
    (posting,) = postings(site.output("index.html"))
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "DE"}, {"@type": "Country", "name": "AT"}]
    assert "jobLocation" not in posting


def test_rst_markup_becomes_html(site: Project) -> None:
    site.write("roles/backend.yaml", "markup: rst\n" + ROLE.replace(
        "You own them in production.", "You own them *in production*."))
    site.build()
    (posting,) = postings(site.output("index.html"))
    assert "<p>You own them <em>in production</em>.</p>" in str(posting["description"])


def test_hidden_parts_are_not_described(site: Project) -> None:
    site.write("index.rst", "Senior\n======\n\n.. jobdescription:: backend\n   :level: senior\n"
               "   :sections: facts, summary\n")
    site.build()
    (posting,) = postings(site.output("index.html"))
    assert "Design APIs" not in str(posting["description"])


def test_a_rendering_that_describes_no_job_is_not_a_posting(site: Project) -> None:
    site.write("index.rst", "Apply\n=====\n\n.. jobdescription:: backend\n   :level: senior\n"
               "   :sections: facts, apply\n")
    site.build()
    assert site.warnings == []
    assert postings(site.output("index.html")) == []

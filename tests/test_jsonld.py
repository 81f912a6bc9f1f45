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
        "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "ENG-7-senior"},
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
    for page in ("both", "catalog", "ladder", "index", "family"):
        assert postings(site.output(f"{page}.html")) == [], page


def test_a_family_page_posts_only_when_asked(site: Project) -> None:
    """A family spans its levels' salaries: one job per level is what search engines
    expect, so the family page posts nothing unless its directive says ``:posting:``."""
    site.write("index.rst", "Family\n======\n\n.. jobdescription:: backend\n   :posting:\n")
    site.build()
    (family,) = postings(site.output("index.html"))
    assert (family["title"], family["identifier"]["value"]) == ("Backend Developer", "ENG-7")


def test_each_level_is_its_own_job(site: Project) -> None:
    """One identifier per level: the family's with the level id, unless the level gives one."""
    site.write("roles/backend.yaml", ROLE.replace(
        "  - {id: middle, title: Middle Backend Developer}",
        "  - {id: middle, title: Middle Backend Developer, posting: {identifier: ENG-9}}"))
    site.write("index.rst", "Levels\n======\n\n.. toctree::\n\n   middle\n   senior\n")
    for level in ("middle", "senior"):
        site.write(f"{level}.rst", f"{level}\n======\n\n.. jobdescription:: backend\n"
                   f"   :level: {level}\n")
    site.build()
    assert site.warnings == []
    assert [postings(site.output(f"{level}.html"))[0]["identifier"]["value"]
            for level in ("middle", "senior")] == ["ENG-9", "ENG-7-senior"]


def canonical_links(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)"', html)


@pytest.mark.parametrize(("marked", "posted", "pointing"), [
    ("", "a", "b"),  # the first page (in name order) is canonical
    ("b", "b", "a"),  # unless another is marked :canonical:
])
def test_a_job_on_two_pages_is_posted_once(site: Project, marked: str, posted: str,
                                           pointing: str) -> None:
    site.write("index.rst", "Jobs\n====\n\n.. toctree::\n\n   a\n   b\n")
    for page in "ab":
        flag = "   :canonical:\n" if page == marked else ""
        site.write(f"{page}.rst", f"Page {page}\n======\n\n.. jobdescription:: backend\n"
                   f"   :level: senior\n{flag}")
    site.build()
    assert site.warnings == []
    posted_html, other_html = site.output(f"{posted}.html"), site.output(f"{pointing}.html")
    assert len(postings(posted_html)) == 1 and canonical_links(posted_html) == []
    assert postings(other_html) == []
    assert canonical_links(other_html) == [f"{posted}.html"]


def test_with_a_base_url_the_themes_canonical_link_names_the_posting_page(site: Project
                                                                         ) -> None:
    site.write("conf.py", 'extensions = ["sphinx_jobdesc"]\n'
               'html_baseurl = "https://handbook.example/"\n')
    site.write("index.rst", "Jobs\n====\n\n.. toctree::\n\n   a\n   b\n")
    for page in "ab":
        site.write(f"{page}.rst", f"Page {page}\n======\n\n.. jobdescription:: backend\n"
                   "   :level: senior\n   :no-index:\n")
    site.build()
    assert canonical_links(site.output("a.html")) == ["https://handbook.example/a.html"]
    assert canonical_links(site.output("b.html")) == ["https://handbook.example/a.html"]
    assert postings(site.output("b.html")) == []


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
    # said in the description too, which is what people read
    assert str(posting["description"]).startswith(
        "<p><strong>Remote</strong> (applicants from DE, AT)</p>")


def test_a_remote_role_does_not_inherit_the_office(site: Project) -> None:
    """A company base names the office; a role that becomes fully remote is not there,
    neither on the page nor in its JobPosting. A hybrid role keeps the office."""
    site.write("roles/_company.yaml", 'location:\n  type: hybrid\n  places: [{locality: '
               'Berlin, country: DE}]\n')
    remote = ROLE.replace(
        'location:\n  type: hybrid\n  places: [{locality: Berlin, region: BE, country: DE, '
        'postal_code: "10115"}]', "extends: _company\nlocation: {type: remote, "
        "applicant_countries: [DE, AT]}")
    site.write("roles/backend.yaml", remote)
    site.build("text")
    assert site.warnings == []
    assert "Remote (DE, AT)" in site.output("index.txt")
    assert "Berlin" not in site.output("index.txt")
    site.write("roles/backend.yaml", remote.replace("type: remote", "type: hybrid"))
    site.build("text")
    assert "Hybrid: Berlin, DE" in site.output("index.txt")


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

"""Links to roles (``:job:``), the index, ``objects.inv`` and intersphinx, the catalogue
and ladder across pages, and incremental and parallel builds of all of them."""

from __future__ import annotations

import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Project
from sphinx.testing.util import SphinxTestApp
from sphinx.util.parallel import parallel_available

ROLES = {
    "_company.yaml": "about: Acme builds scheduling software.\n",
    "backend-developer.yaml": """\
extends: _company
title: Backend Developer
family: Engineering
team: Platform
location: {type: hybrid, places: [{locality: Berlin, country: DE}]}
compensation: {currency: EUR, period: YEAR, min: 60000, max: 90000}
summary: You build the APIs of our scheduling platform, with the team.
responsibilities: [Design APIs]
requirements:
  must: [Python]
levels:
  - {id: middle, title: Middle Backend Developer}
  - id: senior
    title: Senior Backend Developer
    reports_to: engineering-manager
    responsibilities: [Mentor other developers]
""",
    "engineering-manager.yaml": """\
extends: _company
title: Engineering Manager
family: Management
team: Platform
location: {type: remote, applicant_countries: [DE]}
summary: You help a team of developers do their best work, together.
responsibilities: [Run one-to-ones]
requirements:
  must: [Experience with people management]
""",
}
PAGES = {
    "index.rst": "Handbook\n========\n\n.. toctree::\n\n   backend\n   senior\n   manager\n"
                 "   catalog\n   links\n",
    "backend.rst": "Backend\n=======\n\n.. jobdescription:: backend-developer\n",
    "senior.rst": "Senior\n======\n\n.. jobdescription:: backend-developer\n   :level: senior\n",
    "manager.rst": "Manager\n=======\n\n.. jobdescription:: engineering-manager\n",
    "catalog.rst": "Open roles\n==========\n\n.. jobcatalog::\n",
    "links.rst": "Links\n=====\n\nSee :job:`backend-developer:senior`, :job:`our managers "
                 "<engineering-manager>` and :jobdesc:role:`backend-developer`.\n",
}


@pytest.fixture
def handbook(project: Project) -> Project:
    for name, text in ROLES.items():
        project.write(f"roles/{name}", text)
    for name, text in PAGES.items():
        project.write(name, text)
    project.build()
    assert project.warnings == []
    return project


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link to a role in *html*."""
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in re.findall(
        r'<a class="reference internal" href="([^"]+)"[^>]*>(.*?)</a>', html)
        if "job-" in href]


def test_job_links_to_the_rendering_with_its_title(handbook: Project) -> None:
    assert links(handbook.output("links.html")) == [
        ("senior.html#job-backend-developer-senior", "Senior Backend Developer"),
        ("manager.html#job-engineering-manager", "our managers"),
        ("backend.html#job-backend-developer", "Backend Developer"),
    ]


def test_reports_to_links_to_the_other_role(handbook: Project) -> None:
    html = handbook.output("senior.html")
    assert '<th class="stub"><p>Reports to</p></th>' in html or "Reports to" in html
    assert ("manager.html#job-engineering-manager", "Engineering Manager") in links(html)


def test_an_unknown_role_is_a_warning_at_the_page_line(project: Project) -> None:
    project.write("index.rst", "Links\n=====\n\nText.\n\nSee :job:`backend-developer`.\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:6: WARNING: no page renders role 'backend-developer' with "
        "jobdescription (or it is :no-index:) [jobdesc.ref]",
    ]
    assert "backend-developer" in project.output("index.html")  # shown as text


def test_a_level_not_rendered_on_its_own_links_to_the_family(handbook: Project) -> None:
    handbook.write("links.rst", "Links\n=====\n\n:job:`backend-developer:middle`\n")
    handbook.build()
    # to the family's page, in the level's own words
    assert links(handbook.output("links.html")) == [
        ("backend.html#job-backend-developer", "Middle Backend Developer")]


def test_a_level_the_role_does_not_have_is_an_unknown_link(handbook: Project) -> None:
    handbook.write("links.rst", "Links\n=====\n\n:job:`backend-developer:seniour`\n")
    handbook.build()
    assert handbook.warnings == [
        "src/links.rst:4: WARNING: role 'backend-developer' has no level 'seniour' (levels: "
        "middle, senior); did you mean 'senior'? [jobdesc.ref]"]
    assert links(handbook.output("links.html")) == []


def test_the_first_page_is_canonical_unless_one_is_marked(handbook: Project) -> None:
    handbook.write("senior2.rst", "Senior again\n============\n\n"
                   ".. jobdescription:: backend-developer\n   :level: senior\n")
    handbook.write("index.rst", PAGES["index.rst"] + "   senior2\n")
    handbook.build()
    assert handbook.warnings == []
    assert links(handbook.output("links.html"))[0][0] == "senior.html#job-backend-developer-senior"
    handbook.write("senior2.rst", "Senior again\n============\n\n"
                   ".. jobdescription:: backend-developer\n   :level: senior\n   :canonical:\n")
    handbook.build()
    assert handbook.warnings == []
    assert links(handbook.output("links.html"))[0][0] == (
        "senior2.html#job-backend-developer-senior")


def test_two_canonical_renderings_are_ambiguous(handbook: Project) -> None:
    canonical = ".. jobdescription:: backend-developer\n   :level: senior\n   :canonical:\n"
    handbook.write("senior.rst", "Senior\n======\n\n" + canonical)
    handbook.write("senior2.rst", "Senior again\n============\n\n" + canonical)
    handbook.write("index.rst", PAGES["index.rst"] + "   senior2\n")
    handbook.build()
    assert handbook.warnings == [
        "src/senior2.rst:4: WARNING: role 'backend-developer:senior' is also marked :canonical: "
        "on page 'senior'; links go there [jobdesc.duplicate]",
    ]


def test_no_index_renderings_are_not_link_targets(handbook: Project) -> None:
    handbook.write("manager.rst", "Manager\n=======\n\n"
                   ".. jobdescription:: engineering-manager\n   :no-index:\n")
    handbook.build()
    assert handbook.warnings == [
        "src/links.rst:4: WARNING: no page renders role 'engineering-manager' with "
        "jobdescription (or it is :no-index:) [jobdesc.ref]",
        # the senior level's "reports to", at the role file's line
        "src/roles/backend-developer.yaml:15: WARNING: reports_to: no page renders role "
        "'engineering-manager' with jobdescription (or it is :no-index:) (used in "
        "senior.rst:4) [jobdesc.ref]"]
    assert "Engineering Manager (role)" not in handbook.output("genindex.html")
    # the fact still says whom, in words: the title from the role file
    assert '<span class="xref jobdesc jobdesc-role">Engineering Manager</span>' in (
        handbook.output("senior.html"))


def test_roles_are_in_the_general_index(handbook: Project) -> None:
    html = handbook.output("genindex.html")
    for title, page in (("Backend Developer", "backend.html#job-backend-developer"),
                        ("Senior Backend Developer",
                         "senior.html#job-backend-developer-senior"),
                        ("Engineering Manager", "manager.html#job-engineering-manager")):
        assert f'<a href="{page}">{title} (role)</a>' in html


def test_other_projects_link_to_roles_with_intersphinx(
    handbook: Project, make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    assert handbook.app is not None
    inventory = handbook.app.outdir / "objects.inv"
    handbook.cleanup()
    other = Project(make_app, tmp_path / "other")
    other.src.mkdir()
    other.write("conf.py", 'extensions = ["sphinx.ext.intersphinx", "sphinx_jobdesc"]\n'
                f'intersphinx_mapping = {{"handbook": ("https://handbook.example.com/", '
                f'"{inventory}")}}\n')
    other.write("index.rst", "Elsewhere\n=========\n\nApply as :job:`backend-developer:senior` "
                "or :jobdesc:role:`engineering-manager`.\n")
    other.build()
    other.cleanup()
    assert other.warnings == []
    html = other.output("index.html")
    assert re.findall(r'<a class="reference external" href="([^"]+)"[^>]*>(.*?)</a>', html) == [
        ("https://handbook.example.com/senior.html#job-backend-developer-senior",
         '<span>Senior Backend Developer</span>'),
        ("https://handbook.example.com/manager.html#job-engineering-manager",
         '<span>Engineering Manager</span>'),
    ]


def test_the_domain_data_pickles(handbook: Project) -> None:
    assert handbook.app is not None
    data = handbook.app.env.domains["jobdesc"].data
    assert pickle.loads(pickle.dumps(data)) == data
    assert sorted(data["renderings"]) == ["backend", "manager", "senior"]


# --- the catalogue -------------------------------------------------------------------------


def catalog_rows(project: Project) -> list[str]:
    html = project.output("catalog.html")
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).replace(" ,", ",").strip()
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)]


def test_the_catalogue_lists_every_role(handbook: Project) -> None:
    assert catalog_rows(handbook) == [
        "Role Family Levels Team Location Salary range",
        "Backend Developer Engineering Middle Backend Developer, Senior Backend Developer "
        "Platform Hybrid: Berlin, DE EUR 60,000–90,000 per year",
        "Engineering Manager Management Platform Remote (DE)",
    ]
    assert links(handbook.output("catalog.html")) == [
        ("backend.html#job-backend-developer", "Backend Developer"),
        ("backend.html#job-backend-developer", "Middle Backend Developer"),
        ("senior.html#job-backend-developer-senior", "Senior Backend Developer"),
        ("manager.html#job-engineering-manager", "Engineering Manager"),
    ]


@pytest.mark.parametrize(("options", "rows"), [
    (":family: management", ["Engineering Manager"]),
    (":location: hybrid, onsite", ["Backend Developer"]),
    (":team: platform\n   :sort: -title", ["Engineering Manager", "Backend Developer"]),
    (":sort: -salary", ["Engineering Manager", "Backend Developer"]),  # no salary: last
])
def test_catalogue_filters_and_sort(handbook: Project, options: str, rows: list[str]) -> None:
    handbook.write("catalog.rst", f"Open roles\n==========\n\n.. jobcatalog::\n   :columns: title\n"
                   f"   {options}\n")
    handbook.build()
    assert catalog_rows(handbook)[1:] == rows


def test_catalogue_option_errors(handbook: Project) -> None:
    handbook.write("catalog.rst", "Open roles\n==========\n\n.. jobcatalog::\n"
                   "   :columns: title, pay\n   :sort: wage\n")
    handbook.build()
    assert handbook.warnings == [
        "src/catalog.rst:4: WARNING: :columns: no column 'pay' (columns: title, family, levels, "
        "team, location, salary) [jobdesc.option]",
        "src/catalog.rst:4: WARNING: :sort: 'wage' is not one of title, family, levels, team, "
        "location, salary, -title, -family, -levels, -team, -location, -salary; using 'title' "
        "[jobdesc.option]",
    ]


def reread(project: Project) -> str:
    line = next(line for line in project.status.splitlines() if "added," in line)
    return line.split("environment: ")[-1].strip()


def test_catalogue_follows_a_new_role_file(handbook: Project) -> None:
    handbook.write("roles/data-engineer.yaml", ROLES["engineering-manager.yaml"].replace(
        "Engineering Manager", "Data Engineer").replace("Management", "Data"))
    handbook.build()
    assert reread(handbook) == "0 added, 1 changed, 0 removed"  # the catalogue
    assert [row.split(" ")[0] for row in catalog_rows(handbook)[1:]] == [
        "Backend", "Data", "Engineering"]


def test_catalogue_follows_a_removed_role_file(handbook: Project) -> None:
    (handbook.src / "manager.rst").unlink()
    (handbook.src / "roles" / "engineering-manager.yaml").unlink()
    handbook.write("links.rst", "Links\n=====\n\nNone.\n")
    handbook.write("senior.rst", PAGES["senior.rst"].replace("senior\n", "middle\n"))
    handbook.build()
    assert [w for w in handbook.warnings if "jobdesc" in w] == []  # toctree: 'manager' is gone
    assert [row.split(" ")[0] for row in catalog_rows(handbook)[1:]] == ["Backend"]


def test_catalogue_follows_a_changed_role_file(handbook: Project) -> None:
    path = "roles/engineering-manager.yaml"
    handbook.touch_later(path, ROLES["engineering-manager.yaml"].replace(
        "title: Engineering Manager", "title: Team Lead"))
    handbook.build()
    assert "Team Lead" in catalog_rows(handbook)[2]


def test_catalogue_and_links_follow_a_rendering_that_moves(handbook: Project) -> None:
    handbook.write("manager.rst", "Manager\n=======\n\nSee the careers page.\n")
    handbook.write("careers.rst", "Careers\n=======\n\n.. jobdescription:: engineering-manager\n")
    handbook.write("index.rst", PAGES["index.rst"] + "   careers\n")
    handbook.build()
    assert handbook.warnings == []
    assert ("careers.html#job-engineering-manager", "Engineering Manager") in links(
        handbook.output("catalog.html"))
    assert ("careers.html#job-engineering-manager", "our managers") in links(
        handbook.output("links.html"))


def written(project: Project) -> list[str]:
    """The pages the last build wrote."""
    return re.findall(r"writing output\.\.\. \[ *\d+%\] (\S+)", project.status)


def test_editing_an_unrelated_page_rereads_only_that_page(handbook: Project) -> None:
    handbook.write("index.rst", PAGES["index.rst"] + "\nOne more line.\n")
    handbook.build()
    assert reread(handbook) == "0 added, 1 changed, 0 removed"
    assert written(handbook) == ["index"]


def test_a_role_edit_rereads_the_pages_that_render_or_list_it(handbook: Project) -> None:
    handbook.touch_later("roles/engineering-manager.yaml", ROLES["engineering-manager.yaml"]
                         .replace("Run one-to-ones", "Run weekly one-to-ones"))
    handbook.build()
    # manager, the catalogue (it lists the file), senior (its reports_to shows the title)
    assert reread(handbook) == "0 added, 3 changed, 0 removed"
    assert "Run weekly one-to-ones" in handbook.output("manager.html")


def test_a_retitled_role_is_rewritten_in_links_without_rereading_them(handbook: Project
                                                                       ) -> None:
    handbook.touch_later("roles/engineering-manager.yaml", ROLES["engineering-manager.yaml"]
                         .replace("title: Engineering Manager", "title: Team Lead"))
    handbook.build()
    # the manager page, the catalogue (it lists the file) and senior (reports_to's words)
    assert reread(handbook) == "0 added, 3 changed, 0 removed"
    assert ("manager.html#job-engineering-manager", "Team Lead") in links(
        handbook.output("senior.html"))
    assert "links" in written(handbook)  # written again, not read again


def test_nothing_is_reread_without_changes(handbook: Project) -> None:
    handbook.build()
    assert reread(handbook) == "0 added, 0 changed, 0 removed"


@pytest.mark.skipif(not parallel_available, reason="needs fork")
def test_parallel_build_links_like_a_serial_build(handbook: Project, tmp_path: Path) -> None:
    for number in range(6):  # enough pages for Sphinx to read them in several workers
        handbook.write(f"extra{number}.rst", f"Extra {number}\n========\n\n"
                       f"See :job:`engineering-manager` and :job:`backend-developer:senior`.\n")
    handbook.write("index.rst", PAGES["index.rst"] + "".join(
        f"   extra{number}\n" for number in range(6)))
    handbook.build(freshenv=True)
    assert handbook.app is not None
    serial = {page: handbook.output(page) for page in ("catalog.html", "links.html",
                                                        "extra5.html", "genindex.html")}
    serial_data = pickle.dumps(handbook.app.env.domains["jobdesc"].data)
    shutil.rmtree(handbook.app.outdir)
    handbook.build(freshenv=True, parallel=2)
    assert handbook.app is not None
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \w+ \.\. \w+", handbook.status)
    assert handbook.warnings == []
    for page, html in serial.items():
        assert links(handbook.output(page)) == links(html), page
    assert links(serial["extra5.html"]) == [
        ("manager.html#job-engineering-manager", "Engineering Manager"),
        ("senior.html#job-backend-developer-senior", "Senior Backend Developer")]
    assert pickle.loads(serial_data) == handbook.app.env.domains["jobdesc"].data

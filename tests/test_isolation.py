"""One bad role file affects only itself: folder scans, the catalogue, links, the export
and every other page still work, and the only warnings are about that file."""

from __future__ import annotations

import json

from conftest import Project
from sphinx.cmd.build import build_main

GOOD = """\
title: {title}
summary: Builds things.
responsibilities: [Build things]
requirements:
  must: [Python]
"""
#: Files of each class that used to crash the build (or worse), by name.
BAD = {
    "bomb": GOOD.format(title="Bomb") + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, n in zip("abcdefghi", "bcdefghij", strict=True)),
    "recursive": GOOD.format(title="Recursive") + "benefits: &r [a, *r]\n",
    "tagged": "title: !!int Tagged\nsummary: !!float x\n",
    "nan": GOOD.format(title="NaN") + "compensation: {currency: EUR, min: .nan}\n",
    "deep": GOOD.format(title="Deep") + "x: " + "[" * 2000 + "]" * 2000 + "\n",
    "syntax": "title: [unclosed\n",
    "injected": "markup: rst\n" + GOOD.format(title="Injected").replace(
        "Builds things.", '"- .. jobdescription:: injected"'),
}
PAGES = {
    "index.rst": "Handbook\n========\n\n.. toctree::\n\n   backend\n   frontend\n   catalog\n",
    # found by scanning the folder: its file name is not its id
    "backend.rst": "Backend\n=======\n\n.. jobdescription:: backend\n",
    "frontend.rst": "Frontend\n========\n\nSee :job:`backend`.\n\n"
                    ".. jobdescription:: frontend\n",
    "catalog.rst": "Roles\n=====\n\n.. jobcatalog::\n",
}


def test_a_bad_file_in_the_roles_folder_breaks_nothing_else(project: Project) -> None:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_export = True\n')
    project.write("roles/zz-backend-role.yaml", "id: backend\n" + GOOD.format(title="Backend"))
    project.write("roles/frontend.yaml", GOOD.format(title="Frontend"))
    for name, content in BAD.items():
        project.write(f"roles/{name}.yaml", content)
    for name, content in PAGES.items():
        project.write(name, content)
    project.build()
    bad_files = tuple(f"src/roles/{name}.yaml:" for name in BAD)
    assert [line for line in project.warnings if not line.startswith(bad_files)] == []
    assert {name for name in BAD if any(line.startswith(f"src/roles/{name}.yaml:")
                                        for line in project.warnings)} == set(BAD)
    assert "Builds things." in project.output("backend.html")
    frontend = project.output("frontend.html")
    assert 'href="backend.html#job-backend"' in frontend
    catalog = project.output("catalog.html")
    assert "Backend" in catalog and "Frontend" in catalog
    exported = json.loads(project.output("jobdesc.json"))
    assert {"backend", "frontend"} <= {role["id"] for role in exported["roles"]}


def test_with_W_the_bad_file_fails_the_build(project: Project) -> None:
    project.write("roles/frontend.yaml", GOOD.format(title="Frontend"))
    project.write("roles/bomb.yaml", BAD["bomb"])
    project.write("index.rst", "Roles\n=====\n\n.. jobcatalog::\n")
    out = project.src / "_build"
    args = ["-W", "-q", "-b", "html", str(project.src), str(out)]
    assert build_main(args) != 0
    (project.src / "roles" / "bomb.yaml").unlink()
    assert build_main(["-E", *args]) == 0

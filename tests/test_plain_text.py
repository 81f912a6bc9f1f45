"""Plain role text stays text: punctuation lines, wide titles and blank titles keep the
page's structure, and every character is shown."""

from __future__ import annotations

import json

from conftest import Project

#: Lines that docutils would read as a title's underline or a transition.
ADORNMENT_LINES = ["!!!!!!!!!", "%%%%%%", "@@@@@@", "======", "------", "~~~~~", "......",
                   "'''''", '"""""', "`````", "\\\\\\\\", "$$$$", "&&&&", ",,,,", ";;;;",
                   "????", "{{{{", "}}}}", "#####", "*****", "+++++", "^^^^^", "_____"]


def test_plain_text_keeps_the_structure(project: Project) -> None:
    summary = "\n".join(f"Line {index}\n{line}" for index, line in enumerate(ADORNMENT_LINES))
    project.write("roles/r.yaml", f"""\
title: Role
summary: {json.dumps(summary)}
responsibilities: [{json.dumps("!!!!!!!!!")}]
requirements: {{must: [Python], nice: [{json.dumps("%%%%%%")}]}}
sections:
  - {{id: perks, title: 福利, body: Lunch}}
  - {{id: team, title: 👩‍💻 Team, body: Us}}
  - {{id: blank, title: " ", body: Blank}}
""")
    project.write("index.rst", "Page\n====\n\n.. jobdescription:: r\n")
    project.build("text")
    assert project.warnings == []
    text = project.output("index.txt")
    flat = " ".join(text.split())
    assert " ".join(f"Line {index} {line}" for index, line in enumerate(ADORNMENT_LINES)) in flat
    headings = [line for line, under in zip(text.splitlines(), text.splitlines()[1:],
                                            strict=False)
                if under and set(under) in ({"="}, {"-"}) and line.strip()]
    assert headings == ["About the role", "Responsibilities", "Requirements", "Must have",
                        "Nice to have", "福利", "👩‍💻 Team", "blank"]

"""``sphinx-jobdesc lint`` (drafts in plain text or Markdown, from files or standard
input) and the report formats ``check`` and ``lint`` share: text, JSON, GitHub
workflow annotations and SARIF."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import REPO, run

DEMO = REPO / "example_docs" / "lint-demo" / "rockstar-developer.yaml"

DRAFT = """\
# Backend developer

We are a young and dynamic team of rockstars.

```sh
ninja -C build   # code: not prose
```

You support the team and collaborate on `crazy` ideas.
"""


def test_a_markdown_draft_is_linted_line_by_line(tmp_path: Path) -> None:
    (tmp_path / "ad.md").write_text(DRAFT, encoding="utf8")
    result = run("lint", "ad.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'ad.md:3: warning: "young and dynamic": wording about age turns away older applicants '
        "and is age discrimination in many countries; describe the skills and the level "
        'instead (for an entry-level job, say "entry-level") [age-wording] [jobdesc.lint]',
        'ad.md:3: warning: "rockstars": gimmick titles such as "ninja" or "fanatic" devalue '
        "the work and put off experienced applicants; name the job (\"backend developer\") "
        "and say what the person will do [hyperbolic-title] [jobdesc.lint]",
        "ad.md:1: info: 'ad.md' reads feminine-coded: no masculine-coded words against 2 "
        "feminine-coded words (support, collaborate); for information only: in the study, "
        "feminine-coded wording hardly put men off [gender-coded] [jobdesc.lint]",
        "1 text linted: 2 warnings (1 for information)",
    ]


def test_standard_input_and_a_neutral_verdict() -> None:
    result = run("lint", stdin="Write Python services and review code.\n")
    assert (result.returncode, result.stdout.splitlines()) == (0, [
        "-:1: info: standard input reads neutral: no masculine-coded words against no "
        "feminine-coded words [gender-coded] [jobdesc.lint]",
        "1 text linted: no problems (1 for information)",
    ])
    assert run("lint", "-", "--fail-on", "info", stdin="Write code.\n").returncode == 1


def test_lint_takes_check_options(tmp_path: Path) -> None:
    (tmp_path / "ad.txt").write_text("A rockstar team.\n", encoding="utf8")
    assert run("lint", "ad.txt", cwd=tmp_path).returncode == 1
    assert run("lint", "ad.txt", "--allow", "rockstar", cwd=tmp_path).returncode == 0
    assert run("lint", "ad.txt", "--disable", "hyperbolic-title", cwd=tmp_path).returncode == 0


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("lint", "missing.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, "sphinx-jobdesc: error: missing.md: No such file or directory\n")


def test_github_annotations() -> None:
    result = run("check", "--format", "github", DEMO)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[-1] == "1 role file checked: 5 errors, 15 warnings, 4 notices"
    assert ("::warning file=example_docs/lint-demo/rockstar-developer.yaml,line=7,"
            "title=hyperbolic-title::\"fanatic\": gimmick titles such as \"ninja\" or "
            "\"fanatic\" devalue the work and put off experienced applicants; name the job "
            "(\"backend developer\") and say what the person will do [hyperbolic-title]") in lines
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file="))
               for line in lines[:-1])


def test_github_escapes_what_would_end_a_command(tmp_path: Path) -> None:
    """A newline in a message or a comma in a file name would cut the annotation short."""
    (tmp_path / "a,b.txt").write_text("x\n\nA rockstar.\n", encoding="utf8")
    result = run("lint", "--format", "github", "a,b.txt", cwd=tmp_path)
    assert result.stdout.splitlines()[0].startswith(
        "::warning file=a%2Cb.txt,line=3,title=hyperbolic-title::")


def test_sarif_has_a_result_for_every_problem() -> None:
    sarif = json.loads(run("check", "--format", "sarif", DEMO).stdout)
    report = json.loads(run("check", "--format", "json", DEMO).stdout)
    assert sarif["version"] == "2.1.0"
    (log,) = sarif["runs"]
    rules = [rule["id"] for rule in log["tool"]["driver"]["rules"]]
    levels = {"error": "error", "warning": "warning", "notice": "note"}
    assert [(r["ruleId"], r["level"], r["message"]["text"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in log["results"]] == [
        (p["rule"] or p["type"], levels[p["severity"]], p["message"], p["line"])
        for p in report["problems"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in log["results"])
    hyperbolic = next(rule for rule in log["tool"]["driver"]["rules"]
                      if rule["id"] == "hyperbolic-title")
    assert hyperbolic["defaultConfiguration"] == {"level": "warning"}
    assert log["artifacts"] == [{"location": {
        "uri": "example_docs/lint-demo/rockstar-developer.yaml"}}]

"""``sphinx-jobdesc check``: the installed command, run as users and pre-commit run it."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from cli_run import REPO, run

from sphinx_jobdesc import cli

EXAMPLE = REPO / "example_docs"
COMMAND = Path(sys.executable).parent / "sphinx-jobdesc"

CLEAN = """\
title: Backend Developer
summary: You build the APIs of our scheduling platform, with the team.
responsibilities: [Design APIs]
requirements:
  must: [Python]
"""


def run_installed(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The installed ``sphinx-jobdesc`` script, as users and pre-commit run it."""
    return subprocess.run([str(COMMAND), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=False)


#: The example handbook's report: no problems, and the gender-coding verdicts that are
#: information only (the word "kindness" in two levels, "support" in the manager's role).
EXAMPLE_REPORT = [
    "roles/backend-developer.yaml:17: info: 'Middle+ Backend Developer' reads feminine-coded",
    "roles/backend-developer.yaml:17: info: 'Senior Backend Developer' reads feminine-coded",
    "roles/engineering-manager.yaml:15: info: 'Engineering Manager' reads strongly "
    "feminine-coded",
    "4 role files checked: no problems (3 for information)",
]


def is_example_report(result: subprocess.CompletedProcess[str], folder: str = "") -> bool:
    """Whether *result* is a clean exit with :data:`EXAMPLE_REPORT` (paths under *folder*)."""
    lines = result.stdout.splitlines()
    return result.returncode == 0 and len(lines) == len(EXAMPLE_REPORT) and all(
        line.startswith(folder + expected if expected.startswith("roles") else expected)
        for line, expected in zip(lines, EXAMPLE_REPORT, strict=True))


def test_the_example_handbook_is_clean_through_the_installed_command() -> None:
    assert is_example_report(run_installed("check", "--conf-dir", ".", cwd=EXAMPLE))


def test_the_demo_page_shows_the_current_output() -> None:
    """``example_docs/lint-demo/check-output.txt`` is included in the handbook; regenerate it
    with ``sphinx-jobdesc check lint-demo/rockstar-developer.yaml > lint-demo/check-output.txt``
    (in ``example_docs``) when the checks change."""
    result = run("check", "lint-demo/rockstar-developer.yaml", cwd=EXAMPLE)
    assert result.returncode == 1
    assert result.stdout == (EXAMPLE / "lint-demo" / "check-output.txt").read_text("utf8")


def test_output_lines_name_file_line_severity_and_type() -> None:
    result = run("check", "lint-demo/rockstar-developer.yaml", cwd=EXAMPLE)
    *lines, summary = result.stdout.splitlines()
    pattern = re.compile(r"lint-demo/rockstar-developer\.yaml:\d+: (error|warning|notice): .+ "
                         r"\[jobdesc\.(lint|coverage|time_budget|anchors|posting|staleness)\]")
    assert all(pattern.fullmatch(line) for line in lines), lines
    assert summary == "1 role file checked: 5 errors, 15 warnings, 4 notices"
    assert "Emacs" not in result.stdout  # disabled by a comment on its line


def test_fail_on(tmp_path: Path) -> None:
    warnings_only = tmp_path / "backend.yaml"
    warnings_only.write_text(CLEAN + "benefits: [Free beer]\n", encoding="utf8")
    assert run("check", warnings_only).returncode == 1
    assert run("check", "--fail-on", "error", warnings_only).returncode == 0
    assert run("check", "--fail-on", "never", warnings_only).returncode == 0
    notices_only = tmp_path / "frontend.yaml"
    notices_only.write_text(CLEAN.replace("[Design APIs]", "[Design cutting-edge APIs]"),
                            encoding="utf8")
    assert run("check", notices_only).returncode == 0
    assert run("check", "--fail-on", "notice", notices_only).returncode == 1


def test_json_format() -> None:
    result = run("check", "--format", "json", "lint-demo/rockstar-developer.yaml", cwd=EXAMPLE)
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["files"] == ["lint-demo/rockstar-developer.yaml"]
    assert report["counts"] == {"error": 5, "warning": 15, "notice": 4, "info": 0}
    fanatic = next(p for p in report["problems"] if p["message"].startswith('"fanatic"'))
    assert {key: fanatic[key] for key in ("file", "line", "severity", "type", "rule")} == {
        "file": "lint-demo/rockstar-developer.yaml", "line": 7, "severity": "warning",
        "type": "jobdesc.lint", "rule": "hyperbolic-title"}
    coverage = next(p for p in report["problems"] if p["type"] == "jobdesc.coverage")
    assert coverage["rule"] is None


def test_a_folder_is_searched_and_base_text_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "_company.yaml").write_text("benefits: [Free pizza]\n", encoding="utf8")
    for name in ("backend", "frontend"):
        (tmp_path / f"{name}.yaml").write_text("extends: _company\n" + CLEAN, encoding="utf8")
    result = run("check", tmp_path)
    assert result.stdout.count('"pizza"') == 1
    assert result.stdout.endswith("3 role files checked: 1 warning\n")


def test_every_level_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text(CLEAN.replace("must: [Python]", "must: [7 years of Python]")
                    + "levels:\n  - {id: junior, title: Junior}\n  - {id: senior, title: Senior}\n",
                    encoding="utf8")
    result = run("check", path)
    assert "for 'Junior'" in result.stdout
    assert "for 'Senior'" not in result.stdout


def test_settings_come_from_conf_py(tmp_path: Path) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "backend.yaml").write_text(CLEAN + "benefits: [Free beer]\n",
                                                     encoding="utf8")
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\n'
                                      'jobdesc_lint_allow = ["free beer"]\n', encoding="utf8")
    result = run("check", "--conf-dir", tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 role file checked: no problems\n")
    (tmp_path / "conf.py").write_text('jobdesc_stale_after_days = "soon"\n', encoding="utf8")
    result = run("check", "-c", tmp_path, "--fail-on", "error")
    assert result.stdout.startswith(
        f"{tmp_path / 'conf.py'}:1: warning: invalid value 'soon' for 'jobdesc_stale_after_days'")
    assert result.returncode == 0


def test_allow_and_disable_options(tmp_path: Path) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text(CLEAN + "benefits: [Free beer]\nreviewed: 2001-01-01\n", encoding="utf8")
    assert "[jobdesc.lint]" in run("check", path).stdout
    assert "[jobdesc.lint]" not in run("check", "--allow", "beer", path).stdout
    assert "[jobdesc.lint]" not in run("check", "--disable", "hollow-benefits", path).stdout
    assert "[jobdesc.staleness]" in run("check", path).stdout
    assert "[jobdesc.staleness]" not in run("check", "--disable", "staleness", path).stdout


@pytest.mark.parametrize(("args", "message"), [
    (["check", "nope.yaml"], "sphinx-jobdesc: error: nope.yaml: no such file or folder\n"),
    (["check", "--disable", "hollow-benefit", "example_docs/roles"],
     "sphinx-jobdesc: error: --disable: no check or lint rule named 'hollow-benefit'; did you "
     "mean 'hollow-benefits'?\n"),
    (["check", "--conf-dir", "tests"], "sphinx-jobdesc: error: no conf.py in tests\n"),
])
def test_usage_errors_exit_with_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.returncode, result.stderr) == (2, message)


def test_unreadable_files_exit_with_2_and_broken_ones_with_1(tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"title: \xff\xfe\n")
    result = run("check", binary)
    assert result.returncode == 2
    assert "binary.yaml:1: error: cannot read role file: not UTF-8" in result.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(CLEAN + "benefits: [a, b\n", encoding="utf8")
    result = run("check", broken)
    assert result.returncode == 1
    assert "broken.yaml:7: error: YAML syntax error" in result.stdout


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "sphinx_jobdesc", "check", "roles"],
                            cwd=EXAMPLE, capture_output=True, text=True, check=False)
    assert is_example_report(result)


@pytest.mark.parametrize("hook", yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(
    "utf8")), ids=lambda hook: hook["id"])
def test_pre_commit_hooks_run_the_installed_command(hook: dict[str, str]) -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("docs/roles/backend-developer.yaml")
    assert files.search("roles/_company.yml")
    assert not files.search(".github/workflows/ci.yml")
    assert not files.search("docs/conf.py")


def test_checking_a_base_also_checks_the_roles_built_on_it(tmp_path: Path) -> None:
    (tmp_path / "_company.yaml").write_text("benefits: [Free pizza]\n", encoding="utf8")
    (tmp_path / "backend.yaml").write_text("extends: _company\n" + CLEAN.replace(
        "must: [Python]", "must: [12 years of Python]") + "levels:\n  - {id: junior, title: "
        "Junior}\n", encoding="utf8")
    (tmp_path / "other.yaml").write_text(CLEAN, encoding="utf8")
    result = run("check", tmp_path / "_company.yaml")
    assert '"pizza"' in result.stdout
    assert "12 years" in result.stdout  # backend extends the base: checked too
    assert result.stdout.endswith("1 role file checked: 2 warnings\n")


def test_a_crash_is_told_apart_from_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 3 and one line on stderr for an internal error. No input we know of causes one
    (that is the point of the property tests), so this test injects it."""
    def broken(*args: object) -> object:
        raise KeyError("stage")

    (tmp_path / "backend.yaml").write_text(CLEAN, encoding="utf8")
    monkeypatch.setattr(cli, "check_files", broken)
    assert cli.main(["check", str(tmp_path)]) == cli.EXIT_INTERNAL
    assert capsys.readouterr().err == (
        "sphinx-jobdesc: internal error: KeyError: 'stage' (a bug in sphinx-jobdesc: please "
        "report it with the files that caused it; run again with --traceback to see where)\n")
    assert cli.main(["--traceback", "check", str(tmp_path)]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):") and "in broken" in err


def test_a_file_name_that_is_not_utf8_is_printed(tmp_path: Path) -> None:
    name = tmp_path / "bad-\udcff.yaml"
    name.write_text("title: [unclosed\n", encoding="utf8", errors="surrogateescape")
    result = subprocess.run([str(COMMAND), "check", str(tmp_path)], capture_output=True,
                            text=True, check=False, errors="replace")
    assert result.returncode == 1
    assert "bad-\ufffd.yaml:2: error: YAML syntax error" in result.stdout


def test_hostile_files_are_findings_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "tagged.yaml").write_text("title: !!int x\n" + CLEAN.split("\n", 1)[1],
                                          encoding="utf8")
    (tmp_path / "big.yaml").write_text("title: '" + "x" * 3_000_000 + "'\n", encoding="utf8")
    result = run("check", tmp_path)
    assert result.returncode == 2  # an unreadable (too large) file is a usage error
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{tmp_path}/big.yaml:1: error: the role file is larger than 2 MiB; it is not read "
        "[jobdesc.load]",
        f"{tmp_path}/tagged.yaml:1: error: 'x' is not a valid !!int; it is read as text "
        "[jobdesc.yaml]",
        "2 role files checked: 2 errors",
    ]


@pytest.mark.parametrize("conf_dir", ["example_docs", "./example_docs", "example_docs/"])
def test_conf_dir_may_be_any_relative_folder(conf_dir: str) -> None:
    """As in the docs and the pre-commit hook's example (``--conf-dir docs``)."""
    result = run("check", "--conf-dir", conf_dir)
    assert result.stderr == ""
    assert is_example_report(result, "example_docs/")


def test_a_broken_conf_py_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("extensions = [\n", encoding="utf8")
    result = run("check", "-c", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"sphinx-jobdesc: error: cannot read {tmp_path}/conf.py: ")
    assert result.stderr.count("\n") == 1


def test_a_folder_without_role_files_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", tmp_path)
    assert (result.returncode, result.stderr) == (
        2, f"sphinx-jobdesc: error: {tmp_path}: no role files (.yaml, .yml or .json) in this "
        "folder\n")


def test_a_folder_holds_the_role_files_the_build_finds_not_those_in_sub_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One discovery policy: check, export, the catalogue and lookups by id all read the
    files directly in the folder; a draft in a sub-folder is not a role yet."""
    from sphinx_jobdesc.core.files import role_files

    (tmp_path / "dev.yaml").write_text(CLEAN, encoding="utf8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "half-written.yaml").write_text("title: [unclosed\n", "utf8")
    assert cli.main(["check", str(tmp_path)]) == cli.EXIT_CLEAN
    assert capsys.readouterr().out == "1 role file checked: no problems\n"
    assert role_files(str(tmp_path)) == (str(tmp_path / "dev.yaml"),)


def test_a_base_and_its_role_report_each_problem_once(tmp_path: Path) -> None:
    (tmp_path / "_company.yaml").write_text("id: _company\nbenefits: [Free beer]\n",
                                            encoding="utf8")
    (tmp_path / "dev.yaml").write_text("extends: _company\n" + CLEAN + "benefts: [x]\n",
                                       encoding="utf8")
    result = run("check", "_company.yaml", "dev.yaml", cwd=tmp_path)
    assert [line.split(": ", 2)[:2] for line in result.stdout.splitlines()[:-1]] == [
        ["_company.yaml:2", "warning"], ["dev.yaml:7", "error"]]


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


@pytest.mark.parametrize("command", sorted(command_parsers()))
def test_help_documents_every_option_and_the_exit_codes(command: str) -> None:
    parser = command_parsers()[command]
    undocumented = [a.dest for a in parser._actions if not a.help]
    assert undocumented == []
    text = parser.format_help()
    codes = re.findall(r"^  ([0-3])  \S", text.split("exit codes:", 1)[1], re.MULTILINE)
    assert codes == ["0", "1", "2", "3"]

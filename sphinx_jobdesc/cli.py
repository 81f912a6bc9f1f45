"""``sphinx-jobdesc``: check and export role files without building the handbook.

The same pipeline and checks as the Sphinx build (``roles.resolve_role``), so a
pre-commit hook or CI job reports exactly what the build would, in a fraction
of the time. Every role is checked at each of its levels (or as a family when
it has none); base files are linted for their own text.

``check`` exit codes: 0 clean, 1 problems at or above ``--fail-on``, 2 usage
errors or files that cannot be read, 3 an internal error (a bug: one line on
stderr, ``--traceback`` for the whole story). ``export`` writes what the
``jobdesc`` builder writes (without the pages, which only a build knows).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import __version__
from .cli_check import Project, check_files
from .cli_diff import add_diff_command, run_diff
from .cli_help import add_command
from .cli_lint import add_lint_command, lint_inputs
from .cli_reports import REPORTS, add_report_options, display, failing
from .core.checks import CheckSettings, LintSettings
from .core.checks.rulebook import rules
from .core.config import JobdescConfig, declarations
from .core.export import exported_roles, jobdesc_data
from .core.files import role_files
from .core.greenhouse import greenhouse
from .core.problems import WARNING_TYPE, Problem, did_you_mean
from .core.snapshots import GitError
from .core.vocabulary import BUILD_AUDIENCES, CHECKS

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments or unreadable input: reported on stderr, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    thresholds = gc.get_threshold()
    # what a command reads lives until it ends: collecting early finds nothing (~10 %)
    gc.set_threshold(50_000, 20, 20)
    try:
        return int(args.run(args))
    except UsageError as error:
        print(f"sphinx-jobdesc: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped early (``| head``): nothing is wrong here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    except Exception as error:  # a bug: say so, apart from findings and usage errors
        if args.traceback:
            traceback.print_exc()
        hint = "" if args.traceback else "; run again with --traceback to see where"
        print(f"sphinx-jobdesc: internal error: {type(error).__name__}: {error} (a bug in "
              f"sphinx-jobdesc: please report it with the files that caused it{hint})",
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        gc.set_threshold(*thresholds)


def command_help(name: str) -> str:
    """What ``sphinx-jobdesc NAME --help`` prints, 80 columns wide (the docs show it)."""
    out, width = io.StringIO(), os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            _parser().parse_args([name, "--help"])
    finally:
        os.environ.pop("COLUMNS") if width is None else os.environ.update(COLUMNS=width)
    return out.getvalue()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-jobdesc", description="Check and export sphinx-jobdesc role files.",
        epilog="Each command's --help lists its exit codes.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--traceback", action="store_true",
                        help="on an internal error, print the whole traceback")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = add_command(
        commands, "check", summary="check role files as the Sphinx build would",
        description="Check role files: schema, references, interview coverage, time budget, "
        "anchors, posting data, staleness and job-ad language.")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="role files or folders (default: the project's roles folder with "
                       "--conf-dir, else ./roles)")
    add_report_options(check)
    check.set_defaults(run=_check)
    add_lint_command(commands, run=_lint)
    add_diff_command(commands, run=_diff)
    export = add_command(
        commands, "export", summary="write the roles as JSON (jobdesc.json or Greenhouse-shaped)",
        description="Write every role, as a family and at each level, as JSON: the shape of "
        "jobdesc.json (schema/export.schema.json) or of greenhouse.json.")
    export.add_argument("paths", nargs="*", metavar="PATH",
                        help="role files or folders (default as for check)")
    export.add_argument("-c", "--conf-dir", metavar="DIR",
                        help="read the jobdesc_* settings from DIR/conf.py")
    export.add_argument("--audience", choices=BUILD_AUDIENCES,
                        help="default: jobdesc_audience of --conf-dir, else internal")
    export.add_argument("--format", choices=("jobdesc", "greenhouse"), default="jobdesc",
                        help="jobdesc (default): every role and level, as the build exports "
                        "them; greenhouse: the jobs' interview plans in Greenhouse's names")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (default: standard output)")
    export.set_defaults(run=_export)
    return parser


# --- check --------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    project = _project(args.conf_dir)
    project.checks = _with_options(project.checks, args.allow, args.disable)
    files = _role_files(args.paths, project)
    problems, unreadable = check_files(files, project)
    problems = project.config_problems + problems
    REPORTS[args.format](files, problems, sys.stdout, "role file")
    if unreadable:
        return EXIT_USAGE
    return EXIT_PROBLEMS if failing(problems, args.fail_on) else EXIT_CLEAN


def _lint(args: argparse.Namespace) -> int:
    project = _project(args.conf_dir)
    checks = _with_options(project.checks, args.allow, args.disable)
    inputs, problems, errors = lint_inputs(args.paths, checks.lint)
    problems = project.config_problems + problems
    REPORTS[args.format](inputs, problems, sys.stdout, "text")
    for error in errors:
        print(f"sphinx-jobdesc: error: {error}", file=sys.stderr)
    if errors:
        return EXIT_USAGE
    return EXIT_PROBLEMS if failing(problems, args.fail_on) else EXIT_CLEAN


def _export(args: argparse.Namespace) -> int:
    project = _project(args.conf_dir)
    files = _role_files(args.paths, project)
    # ``extends`` is looked up next to each file, then in the project's roles folder
    audience = args.audience or project.config.audience
    roles, problems = exported_roles(files, roles_dir=project.roles_dir or ".",
                                     markup=project.markup, audience=audience)
    for problem in problems:
        where = f"{display(problem.origin[0])}:{problem.origin[1]}: " if problem.origin else ""
        print(f"{where}{problem.severity}: {problem.message}; the role is left out "
              f"[{WARNING_TYPE}.{problem.subtype}]", file=sys.stderr)
    content = (greenhouse(roles, audience, project.config.labels)
               if args.format == "greenhouse" else jobdesc_data(roles, audience))
    text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror}") from error
    else:
        sys.stdout.write(text)
    return EXIT_PROBLEMS if problems else EXIT_CLEAN


def _diff(args: argparse.Namespace) -> int:
    project = _project(args.conf_dir)
    folder = project.roles_dir or "roles"
    if not os.path.isdir(folder):
        raise UsageError(f"no roles folder at {folder}")
    try:
        return run_diff(args, folder, project.markup, project.config.audience)
    except GitError as error:
        raise UsageError(str(error)) from error


def _project(conf_dir: str | None) -> Project:
    """The project settings from ``conf.py`` in *conf_dir*, or the defaults."""
    if conf_dir is None:
        return Project()
    conf = Path(conf_dir, "conf.py")
    if not conf.is_file():
        raise UsageError(f"no conf.py in {conf_dir}")
    try:
        raw = read_conf_py(conf_dir)
    except Exception as error:  # conf.py is user code: report whatever it raises
        last = [line for line in str(error).splitlines() if line.strip()][-1:] or [""]
        raise UsageError(f"cannot read {conf}: {last[0].strip()}") from error
    config, invalid = JobdescConfig.from_values(raw)
    return Project(
        config=config,
        roles_dir=os.path.join(conf_dir, config.roles_dir),
        checks=config.check_settings,
        config_problems=[Problem("config", message, (str(conf), 1), "warning")
                         for message in invalid.values()],
    )


def read_conf_py(conf_dir: str) -> dict[str, Any]:
    """The ``jobdesc_*`` values of *conf_dir*/``conf.py``, read by Sphinx's own loader as
    ``sphinx-build`` reads it (in its folder, ``tags`` defined, no tags set), unvalidated.

    Sphinx's reader, not a copy of it, so both agree on what a ``conf.py`` means.
    """
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    # sphinx-build passes an absolute folder; a relative one would be read twice over
    config = Config.read(os.path.abspath(conf_dir), overrides={}, tags=Tags())
    names = []
    for value in declarations():
        config.add(value.name, value.default, value.rebuild, value.types)
        names.append(value.name)
    config.init_values()
    return {name: config[name] for name in names}


def _with_options(
    checks: CheckSettings, allow: list[str], disable: list[str]
) -> CheckSettings:
    """*checks* with ``--allow`` phrases added and ``--disable`` checks and rules off."""
    rule_ids = [rule.id for rule in rules()]
    for name in disable:
        if name not in CHECKS and name not in rule_ids:
            raise UsageError(f"--disable: no check or lint rule named {name!r}"
                             f"{did_you_mean(name, [*CHECKS, *rule_ids])}")
    off = tuple((name, "off") for name in disable if name in rule_ids)
    return replace(
        checks,
        enabled=checks.enabled - set(disable),
        lint=LintSettings(checks.lint.allow + tuple(allow), checks.lint.rules + off),
    )


def _role_files(paths: list[str], project: Project) -> list[str]:
    """The role files named by *paths*, in a stable order. A folder holds the role files
    directly in it, as the build, the catalogue and the export find them
    (``roles.role_files``): sub-folders (drafts, archives) are not searched."""
    if not paths:
        default = project.roles_dir or "roles"
        if not os.path.isdir(default):
            raise UsageError(f"no paths given and no roles folder at {default}")
        paths = [default]
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = role_files(path)
            if not found:  # a wrong folder should not pass as a clean one
                raise UsageError(f"{path}: no role files (.yaml, .yml or .json) in this folder")
            files += found
        elif os.path.exists(path):
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files

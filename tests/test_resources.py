"""Hostile role files cost bounded time and memory, and end in a warning, not a traceback.

Each case runs ``sphinx-jobdesc check`` in-process and a real Sphinx build,
within a generous bound (a minute, where each takes seconds: these are not
speed tests; ``benchmarks/bench_hostile.py`` measures them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project, within

from sphinx_jobdesc import cli
from sphinx_jobdesc.core.resolve import release_cache

ROLE = "title: Backend\nsummary: {summary}\nresponsibilities: [a]\nrequirements: {{must: [b]}}\n"
WORDS = "Build fast APIs, rockstar ninja `code` me@example.org https://x.example/a_b *x* :: - 1. "


def long_line() -> str:
    return (WORDS * (1_000_000 // len(WORDS) + 1))[:1_000_000]


def files() -> dict[str, str]:
    """The hostile files: name -> content."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefghi", "bcdefghij",
                                                                 strict=True))
    chain = {f"chain{i}": f"extends: chain{i + 1}\n" + ROLE.format(summary=f"Level {i}")
             for i in range(299)}
    return {
        "bomb": ROLE.format(summary="S") + bomb,
        "deep": ROLE.format(summary="S") + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "longline": ROLE.format(summary="'" + long_line().replace("'", "''") + "'"),
        "longrst": "markup: rst\n" + ROLE.format(summary="'" + long_line().replace("'", "''")
                                                 + "'"),
        "huge": ROLE.format(summary="S") + "padding: '" + "x" * 10_000_000 + "'\n",
        **chain, "chain299": ROLE.format(summary="The end"),
    }


#: What each file is reported for (the chain's first file only).
EXPECTED = {
    "bomb": "aliases repeat more than 100,000 values; the file is not read",
    "deep": "the data is nested about 1,000 levels deep (YAML parsers stop there); the file is "
            "not read",
    "longline": "gimmick titles",
    "longrst": "it is longer than 100,000 characters, the most read as markup",
    "huge": "the role file is larger than 2 MiB; it is not read",
    "chain0": "extends: more than 16 files extend each other; 'chain16' is not inherited",
}


@pytest.fixture(scope="module")
def roles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "roles"
    folder.mkdir()
    for name, content in files().items():
        (folder / f"{name}.yaml").write_text(content, encoding="utf8")
    return folder


@pytest.mark.parametrize("name", EXPECTED)
def test_check_ends_with_a_warning(roles: Path, name: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    release_cache()
    with within(60):
        code = cli.main(["check", "--format", "text", str(roles / f"{name}.yaml")])
    out = capsys.readouterr()
    assert code == (cli.EXIT_USAGE if name == "huge" else cli.EXIT_PROBLEMS)
    assert EXPECTED[name] in out.out
    assert "Traceback" not in out.err + out.out


def test_a_build_with_every_hostile_file_ends_with_warnings(project: Project, roles: Path
                                                            ) -> None:
    for path in roles.iterdir():
        project.write(f"roles/{path.name}", path.read_text(encoding="utf8"))
    pages = [name for name in EXPECTED]
    for name in pages:
        project.write(f"{name}.rst", f"{name}\n{'=' * len(name)}\n\n.. jobdescription:: {name}\n")
    project.write("index.rst", "Hostile\n=======\n\n.. jobcatalog::\n\n.. toctree::\n\n   "
                  + "\n   ".join(pages) + "\n")
    with within(120):
        project.build()
    warnings = "\n".join(project.warnings)
    for name, message in EXPECTED.items():
        assert f"src/roles/{name}.yaml:" in warnings and message in warnings, name
    assert "Traceback" not in warnings
    # the good end of the chain is listed by the catalogue and renders
    assert "The end" in project.output("chain0.html") or "Level 0" in project.output(
        "chain0.html")
    assert "Build fast APIs" in project.output("longline.html")

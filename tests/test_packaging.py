"""The package as users get it: ``python -m build`` makes a wheel and an sdist that
``twine check`` accepts; the wheel holds the package data and the licence, and the
sdist holds what its own tests need (and they run from it)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import sphinx_jobdesc

REPO = Path(__file__).parents[1]

# the dists are built from the committed files, which only a git checkout knows
# (these tests do not run from an unpacked sdist, whose other tests do)
pytestmark = pytest.mark.skipif(not (REPO / ".git").exists(), reason="needs a git checkout")


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, built from the committed files (a copy of them: the
    build writes metadata next to the sources)."""
    source = tmp_path_factory.mktemp("source")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPO / name).read_bytes())
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                    str(source)], capture_output=True, check=True)
    return out


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_twine_accepts_both(dists: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                             *map(str, sorted(dists.iterdir()))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_has_the_licence_and_the_package_data(dists: Path) -> None:
    wheel = only(dists, f"sphinx_jobdesc-{sphinx_jobdesc.__version__}-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert f"sphinx_jobdesc-{sphinx_jobdesc.__version__}.dist-info/licenses/LICENSE" in names
    for data in ("py.typed", "templates/jobdescription.rst.jinja",
                 "templates/design/interviewguide.rst.jinja", "schema/role.schema.json",
                 "schema/greenhouse.schema.json", "core/checks/rules/job-ad.yaml",
                 "static/jobdesc.css", "locales/de/LC_MESSAGES/sphinx_jobdesc.mo",
                 "locales/ru/LC_MESSAGES/sphinx_jobdesc.po"):
        assert f"sphinx_jobdesc/{data}" in names, data
    assert not any(name.startswith("tests/") for name in names)


def test_the_sdist_holds_what_its_tests_need(dists: Path, tmp_path: Path) -> None:
    sdist = only(dists, f"sphinx_jobdesc-{sphinx_jobdesc.__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    root = tmp_path / f"sphinx_jobdesc-{sphinx_jobdesc.__version__}"
    for name in ("LICENSE", "CHANGELOG.md", "CONTRIBUTING.md", ".pre-commit-hooks.yaml",
                 "tests/conftest.py", "tests/snapshots", "tests/roots", "tests/snippets",
                 "tests/fixtures/lint-corpus.yaml", "example_docs/conf.py", "docs/conf.py",
                 "docs/_ext/jobdesc_reference.py", "docs/tutorial/roles/backend-developer.yaml"):
        assert (root / name).exists(), name
    assert not (root / "example_docs" / "_build").exists()
    assert not (root / "docs" / "_build").exists()
    # and a part of the suite runs from it, against its own copy of the package
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider",
         "tests/test_schema.py", "tests/test_lint_corpus.py"],
        cwd=root, env={"PYTHONPATH": str(root), "PATH": str(Path(sys.executable).parent)},
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert " passed" in result.stdout

"""Shared fixtures: small real Sphinx projects built with ``sphinx.testing``."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
import jinja2.bccache
import pytest
from hypothesis import settings
from sphinx import locale
from sphinx.cmd.build import build_main
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.testing.util import SphinxTestApp
from sphinx.util.template import BaseRenderer

pytest_plugins = ("sphinx.testing.fixtures",)

# Property tests: a short profile for every run, a long one to run by hand
# (``pytest tests/test_properties.py --hypothesis-profile=long``, see docs/development.md).
settings.register_profile("ci", max_examples=50, deadline=None)
settings.register_profile("long", max_examples=10_000, deadline=None)
settings.load_profile("ci")

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
SNIPPETS = TESTS / "snippets"


@dataclass(frozen=True)
class Built:
    """What a ``sphinx-build`` command gave: its exit status and what it printed."""

    status: int
    stdout: str
    stderr: str


def sphinx_build(*args: str | Path) -> Built:
    """``sphinx-build *args*`` run in this process, as the command line runs it (its
    arguments, its exit status, its output), without starting a new Python and
    importing Sphinx again. Uncoloured: with ``CI=true`` (as on CI machines) Sphinx
    colours its warnings even into a pipe, and tests compare them as text."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = build_main(["--no-color", *map(str, args)])
    finally:
        locale.translators.clear()  # Sphinx's own labels: as SphinxTestApp.cleanup does
    return Built(status, out.getvalue(), err.getvalue())


#: The slowest test modules (``pytest --durations=0``), slowest first. They start first,
#: and the rest fill in around them, so no worker is left running one of them alone
#: at the end (``--no-loadscope-reorder`` keeps this order).
SLOWEST = ("test_injection", "test_builder_matrix", "test_themes", "test_references",
           "test_resources", "test_packaging", "test_incremental", "test_doctrees",
           "test_builders")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.module.__name__ if item.module else ""
        return SLOWEST.index(name) if name in SLOWEST else len(SLOWEST)

    items.sort(key=rank)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory: a template is compiled once per test process.

    Sphinx makes a new template environment for each application (and, in LaTeX,
    for each table), so each of the suite's hundreds of builds compiled the
    theme's templates again: half the time of a small build. A bytecode cache is
    Jinja's own, and changes nothing but that (a changed template has another
    checksum and is compiled again)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def templates_compiled_once() -> Iterator[None]:
    """Sphinx's template environments share a :class:`CompiledTemplates` cache."""
    cache = CompiledTemplates()
    loader_init, renderer_init = BuiltinTemplateLoader.init, BaseRenderer.__init__

    def init_loader(self: BuiltinTemplateLoader, *args: Any, **kwargs: Any) -> None:
        loader_init(self, *args, **kwargs)
        self.environment.bytecode_cache = cache

    def init_renderer(self: BaseRenderer, *args: Any, **kwargs: Any) -> None:
        renderer_init(self, *args, **kwargs)
        self.env.bytecode_cache = cache

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BuiltinTemplateLoader, "init", init_loader)
        patch.setattr(BaseRenderer, "__init__", init_renderer)
        yield


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def write_into(src: Path, relpath: str, text: str) -> Path:
    """Write a file of a project (its folders made as needed)."""
    path = src / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf8")
    return path


class Project:
    """A Sphinx project in a temporary folder, built for real."""

    def __init__(self, make_app: Callable[..., SphinxTestApp], src: Path) -> None:
        self.make_app = make_app
        self.src = src
        self.app: SphinxTestApp | None = None

    def write(self, relpath: str, text: str) -> Path:
        return write_into(self.src, relpath, text)

    def touch_later(self, relpath: str, text: str | None = None) -> None:
        """Rewrite a file and push its mtime forward, so coarse clocks cannot hide the edit."""
        path = self.src / relpath
        if text is not None:
            path.write_text(text, encoding="utf8")
        later = time.time_ns() + 2 * 10**9
        os.utime(path, ns=(later, later))

    def build(self, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
        """Build with a new application, as a new ``sphinx-build`` run would."""
        self.cleanup()
        self.app = self.make_app(buildername, srcdir=self.src, **kwargs)
        self.app.build()
        return self.app

    def cleanup(self) -> None:
        """Unregister the previous application's global docutils state."""
        if self.app is not None:
            self.app.cleanup()

    @property
    def warnings(self) -> list[str]:
        """Warning lines with the source folder shown as ``src/``."""
        assert self.app is not None
        text = strip_colors(self.app.warning.getvalue()).replace(str(self.src) + os.sep, "src/")
        return [line for line in text.splitlines() if line]

    @property
    def status(self) -> str:
        assert self.app is not None
        return strip_colors(self.app.status.getvalue())

    def output(self, relpath: str) -> str:
        assert self.app is not None
        return (self.app.outdir / relpath).read_text(encoding="utf8")

    def doctree_xml(self, docname: str = "index") -> str:
        assert self.app is not None
        return normalize_doctree(self.app.env.get_doctree(docname).pformat(), self.src)


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def normalize_doctree(text: str, src: Path) -> str:
    """A doctree's pformat without machine-specific paths and Sphinx bookkeeping."""
    text = text.replace(str(src) + os.sep, "")
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    text = text.replace('="True"', '="1"').replace('="False"', '="0"')  # docutils < 0.22
    return re.sub(r' source="[^"]*\.(rst|md)"', "", text)


@dataclass(frozen=True)
class Output:
    """What one build of a :class:`SharedProject` wrote, and its warnings."""

    outdir: Path
    warnings: list[str]

    def output(self, relpath: str) -> str:
        return (self.outdir / relpath).read_text(encoding="utf8")


class SharedProject:
    """A project its tests only read (a module-scoped fixture): built once per builder
    they ask for, the builders after the first only writing, from one doctree folder
    (as ``make html latexpdf`` does; so a warning raised while reading shows in the
    first build's warnings only). The gettext builder reads on its own: it keeps its
    doctrees apart."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.outputs: dict[str, Output] = {}

    def write(self, relpath: str, text: str) -> Path:
        assert not self.outputs, "write the project before its first build"
        return write_into(self.src, relpath, text)

    def build(self, builder: str) -> Output:
        if builder not in self.outputs:
            builds = "_build-gettext" if builder == "gettext" else "_build"
            app = SphinxTestApp(builder, srcdir=self.src, builddir=self.src.parent / builds)
            try:
                app.build()
                text = strip_colors(app.warning.getvalue()).replace(f"{self.src}{os.sep}", "src/")
                self.outputs[builder] = Output(Path(app.outdir),
                                               [line for line in text.splitlines() if line])
            finally:
                app.cleanup()
        return self.outputs[builder]


@pytest.fixture
def project(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Project:
    """An empty project with ``sphinx_jobdesc`` enabled; tests add pages and role files."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\n', encoding="utf8")
    return Project(make_app, src)


def copy_snippet_roles(project: Project | SharedProject) -> None:
    shutil.copytree(SNIPPETS / "roles", project.src / "roles")


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail the test (instead of hanging) if the block takes longer than *seconds*:
    a generous bound against runaway cost, never a speed test."""
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"took more than {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

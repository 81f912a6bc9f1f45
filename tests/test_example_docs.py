"""The example handbook builds with -W, as the README promises, in HTML and LaTeX."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_docs"


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_example_handbook_builds_without_warnings(builder: str, tmp_path: Path) -> None:
    out = tmp_path / builder
    status = build_main(["-W", "--keep-going", "-q", "-b", builder, str(EXAMPLE_DOCS), str(out),
                         "-d", str(tmp_path / "doctrees")])
    assert status == 0


def test_example_handbook_uses_both_page_syntaxes() -> None:
    pages = {path.suffix for path in (EXAMPLE_DOCS / "careers").iterdir()}
    assert {".rst", ".md"} <= pages

"""The example handbook in a real browser, on the common themes, at desktop and
phone widths, light and dark.

For the job description, interview guide, ladder, catalogue and design-layout
pages: the page is never wider than the screen; each of our tables either
fits, or scrolls in exactly one box of its own (not none: cut off; not two:
two scroll bars), and no cell's content spills out of its cell; and our text
is readable: at least 4.5:1 against its background in dark mode, and for
what we colour ourselves (sphinx-design badges) in light mode too.

``benchmarks/screenshots.py`` saves the same matrix as pictures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import (
    PAGES,
    THEMES,
    WIDTHS,
    View,
    browser,
    build_example,
    darken,
    measure,
    show,
    why_no_browser,
)

REASON = why_no_browser()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

#: WCAG AA for body text.
READABLE = 4.5


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with browser() as session:
        yield session


#: Each width light, then dark (the same page switched, as its reader would).
VIEWS = [(name, dark) for name in WIDTHS for dark in (False, True)]


@pytest.fixture(scope="class")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook built with the theme of the test's class."""
    theme = request.cls.theme
    outdir = tmp_path_factory.mktemp(theme)
    warnings = build_example(theme, outdir)
    assert warnings == ""
    return outdir


class ThemeChecks:
    """The checks on one theme's build; a class per theme, so that test workers can
    share the themes out between them (each class is one unit of work)."""

    theme: str

    @pytest.mark.parametrize("page", sorted(PAGES))
    def test_the_page_reads_well(self, driver: Any, site: Path, page: str) -> None:
        dark_mode = THEMES[self.theme]
        problems = []
        for width_name, dark in VIEWS:
            if dark and dark_mode is None:
                continue  # the theme has no dark mode
            view = View(WIDTHS[width_name], dark)
            if dark and dark_mode:
                darken(driver, dark_mode)  # the page just measured light, at this width
            else:
                show(driver, site / f"{page}.html", view, dark_mode)
            found = measure(driver, view.width)
            where = f"{width_name}{' dark' if dark else ''}"
            if found["pageWidth"] > view.width + 1:
                problems.append(f"{where}: the page is {found['pageWidth']} px wide")
            for table in found["tables"]:
                if table["scrolling"] != 1 and not table["fits"]:
                    problems.append(f"{where}: {table['classes']} is cut off")
                if table["scrolling"] > 1:
                    problems.append(f"{where}: {table['classes']} scrolls in "
                                    f"{table['scrolling']} boxes")
                if table["overflowingCells"]:
                    problems.append(f"{where}: {table['classes']} cells spill: "
                                    f"{table['overflowingCells']}")
            for text in found["texts"]:
                if text["contrast"] < READABLE and (dark or text["ours"]):
                    problems.append(f"{where}: {text['text']!r} ({text['tag']}) has contrast "
                                    f"{text['contrast']:.1f}")
        assert problems == [], "\n".join(problems)


class TestAlabaster(ThemeChecks):
    theme = "alabaster"


class TestFuro(ThemeChecks):
    theme = "furo"


class TestPydataSphinxTheme(ThemeChecks):
    theme = "pydata_sphinx_theme"


class TestSphinxRtdTheme(ThemeChecks):
    theme = "sphinx_rtd_theme"


class TestSphinxBookTheme(ThemeChecks):
    theme = "sphinx_book_theme"


def test_every_theme_is_checked() -> None:
    assert {cls.theme for cls in ThemeChecks.__subclasses__()} == set(THEMES)

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
    measure,
    show,
    switch,
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


#: The views of a page, in the order they are shown: loaded once, then switched
#: (narrowed to a phone, made dark, widened again), which measures the same as
#: loading it at each view (``test_switching_measures_what_loading_measures``).
VIEWS = [("desktop", False), ("phone", False), ("phone", True), ("desktop", True)]


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
        problems = []
        for (width_name, dark), view, found in self.views(driver, site / f"{page}.html"):
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

    def views(self, driver: Any, page: Path, *, load_each: bool = False
              ) -> Iterator[tuple[tuple[str, bool], View, dict[str, Any]]]:
        """Each view of *page* the theme has, and what the browser measures there."""
        dark_mode = THEMES[self.theme]
        shown = [(name, dark) for name, dark in VIEWS if dark_mode or not dark]
        for index, (width_name, dark) in enumerate(shown):
            view = View(WIDTHS[width_name], dark)
            if index == 0 or load_each:
                show(driver, page, view, dark_mode)
            else:
                switch(driver, view, dark_mode)
            yield (width_name, dark), view, measure(driver, view.width)

    def test_switching_measures_what_loading_measures(self, driver: Any, site: Path) -> None:
        """The views above switch one loaded page; loading it at each view instead gives
        the same measurements (checked on the longest page)."""
        page = site / "careers/backend-interview.html"
        switched = [found for _, _, found in self.views(driver, page)]
        loaded = [found for _, _, found in self.views(driver, page, load_each=True)]
        assert switched == loaded
        assert len(loaded) == (4 if THEMES[self.theme] else 2)


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

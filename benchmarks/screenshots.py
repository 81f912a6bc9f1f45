"""Screenshots of the theme matrix, for a person to look at.

Builds the example handbook with each theme of ``tests/browser.py`` (alabaster,
furo, pydata-sphinx-theme, sphinx-rtd-theme, sphinx-book-theme) and saves the
job description, interview guide, ladder, catalogue and design-layout pages at
1280 px and 390 px, light and (where the theme has it) dark, as full-page PNGs:
``benchmarks/_work/screens/<theme>/<page>-<width>-<light|dark>.png``. Prints
what the browser measured for each (page width, tables that overflow, scroll
twice or are cut off, the lowest contrast of our text), the same figures
``tests/test_themes.py`` asserts on.

Run: ``.venv/bin/python benchmarks/screenshots.py [--theme furo] [--page careers/backend-ladder]``
(needs Debian's chromium and chromium-driver, and the test extra).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tests"))

from browser import PAGES, THEMES, WIDTHS, View, browser, build_example, measure, show  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--theme", action="append", choices=sorted(THEMES))
    parser.add_argument("--page", action="append", choices=sorted(PAGES))
    parser.add_argument("--out", type=Path, default=HERE / "_work" / "screens")
    args = parser.parse_args()
    with browser() as driver:
        for theme in args.theme or THEMES:
            site = args.out / theme / "html"
            warnings = build_example(theme, site)
            print(f"{theme}: built{' with warnings:' + chr(10) + warnings if warnings else ''}")
            for page in args.page or PAGES:
                for width in WIDTHS.values():
                    for dark in (False, True) if THEMES[theme] else (False,):
                        view = View(width, dark)
                        show(driver, site / f"{page}.html", view, THEMES[theme])
                        found = measure(driver, width)
                        height = driver.execute_script(
                            "return document.documentElement.scrollHeight")
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                            "width": width, "height": min(height, 12000),
                            "deviceScaleFactor": 1, "mobile": width < 600})
                        name = (f"{page.split('/')[-1]}-{width}-"
                                f"{'dark' if dark else 'light'}.png")
                        driver.save_screenshot(str(args.out / theme / name))
                        print(f"  {name}: {summary(found)}")


def summary(found: dict[str, object]) -> str:
    tables = found["tables"]
    texts = found["texts"]
    assert isinstance(tables, list) and isinstance(texts, list)
    bad = [t["classes"] for t in tables
           if t["scrolling"] > 1 or (t["scrolling"] == 0 and not t["fits"])
           or t["overflowingCells"]]
    lowest = min((t["contrast"] for t in texts), default=21.0)
    return (f"page {found['pageWidth']}/{found['viewport']} px, tables with problems "
            f"{bad or 'none'}, lowest contrast {lowest:.1f}")


if __name__ == "__main__":
    main()

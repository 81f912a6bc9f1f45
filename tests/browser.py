"""A real headless browser on our pages: Debian's Chromium driven by Selenium.

Shared by ``tests/test_themes.py`` (which asserts on what the browser measures)
and ``benchmarks/screenshots.py`` (which saves what it shows, for a person to
look at). Nothing is downloaded: the browser and its driver come from the
system (``.ci/run`` installs Debian's ``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import sphinx_build

EXAMPLE = Path(__file__).parent.parent / "example_docs"

#: Theme (its ``html_theme`` name) -> how to switch it to dark mode, or None if it has none.
THEMES: dict[str, str | None] = {
    "alabaster": None,
    "furo": "document.body.dataset.theme = 'dark';",
    "pydata_sphinx_theme": "document.documentElement.dataset.theme = 'dark';",
    "sphinx_rtd_theme": None,
    "sphinx_book_theme": "document.documentElement.dataset.theme = 'dark';",
}
#: Page -> what it shows: a job description, an interview guide, a ladder, a catalogue,
#: and the sphinx-design layout.
PAGES = {
    "careers/backend-senior": "job description",
    "careers/backend-interview": "interview guide",
    "careers/backend-ladder": "ladder",
    "careers/open-roles": "catalogue",
    "careers/design-layout": "design layout",
}
WIDTHS = {"desktop": 1280, "phone": 390}


def chromium() -> tuple[str, str] | None:
    """The paths of Chromium and its driver, if both are installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def why_no_browser() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "needs selenium (pip install -e '.[test]')"
    if chromium() is None:
        return "needs Debian's chromium and chromium-driver (installed by .ci/run)"
    return None


def build_example(theme: str, outdir: Path) -> str:
    """Build the example handbook with *theme*; Sphinx's warnings (empty if none).

    The site is titled "Acme Handbook": pydata-sphinx-theme's navigation bar does not
    wrap a long title, and "Acme Engineering Handbook 2026.11 documentation" alone
    makes its pages 671 px wide on a 390 px phone, whatever the page holds.
    """
    result = sphinx_build("-q", "-b", "html", "-D", f"html_theme={theme}",
                          "-D", "html_title=Acme Handbook",
                          EXAMPLE, outdir, "-d", outdir / ".doctrees")
    assert result.status == 0, result.stderr
    return result.stderr


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium session, closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium()
    assert paths is not None
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@dataclass(frozen=True)
class View:
    width: int
    dark: bool


def show(driver: Any, page: Path, view: View, dark_mode: str | None) -> None:
    """Open *page* at *view*: the viewport width of a desktop or a phone, light or dark."""
    _emulate(driver, view)
    driver.get(page.as_uri())
    # no transitions: colours are measured (and pictured) as they end, not halfway
    driver.execute_script("const s = document.createElement('style'); s.textContent = "
                          "'*, *::before, *::after { transition: none !important; "
                          "animation: none !important; }'; document.head.appendChild(s);")
    if view.dark and dark_mode:
        driver.execute_script(dark_mode)


def switch(driver: Any, view: View, dark_mode: str | None) -> None:
    """Show the page open (by :func:`show`) at another *view*, without loading it again:
    the screen resized or turned, the system or the theme's switch made dark. What
    the browser measures then is what it measures on the page loaded at that view
    (``tests/test_themes.py`` checks it); loading is the slow part. A page is not
    switched back from dark to light."""
    _emulate(driver, view)
    if view.dark and dark_mode:
        driver.execute_script(dark_mode)


def _emulate(driver: Any, view: View) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": view.width, "height": 900 if view.width > 600 else 844,
        "deviceScaleFactor": 1, "mobile": view.width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if view.dark else "light"}]})


#: What the browser measures on the page: page-wide overflow, each of our tables
#: (whether it fits the screen, the boxes that scroll it, cells whose content does
#: not fit), and the contrast of each piece of our text against its background
#: (``ours``: a colour we chose, a sphinx-design badge).
MEASURE = r"""
const width = arguments[0];
function scrolls(el) {
  const s = getComputedStyle(el);
  return ['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
}
function ancestors(el) {
  const out = [];
  for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement)
    out.push(p);
  return out;
}
function rgba(text) {
  const m = text.match(/[\d.]+/g);
  return m ? m.map(Number).concat([1]).slice(0, 4) : [0, 0, 0, 0];
}
function background(el) {
  for (let p = el; p; p = p.parentElement) {
    const c = rgba(getComputedStyle(p).backgroundColor);
    if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
function luminance(c) {
  const f = v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const ours = [...document.querySelectorAll('[class*="jobdesc"]')];
const tables = [...new Set(ours.flatMap(el => el.matches('table') ? [el] :
                                        [...el.querySelectorAll('table')]))];
const texts = [];
const seen = new Set();
for (const root of ours) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el) || !el.getClientRects().length) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    texts.push({text: n.textContent.trim().slice(0, 40), tag: el.tagName + '.' + el.className,
                ours: !!el.closest('.sd-badge'),
                contrast: contrast(rgba(style.color), background(el))});
  }
}
return {
  pageWidth: document.documentElement.scrollWidth,
  viewport: window.innerWidth,
  tables: tables.map(t => ({
    classes: t.className,
    scrolling: ancestors(t).filter(scrolls).length,
    fits: t.getBoundingClientRect().left >= -1 && t.getBoundingClientRect().right <= width + 1,
    overflowingCells: [...t.querySelectorAll('td, th')]
      .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim().slice(0, 40)),
  })),
  texts: texts,
};
"""


def measure(driver: Any, width: int) -> dict[str, Any]:
    """What :data:`MEASURE` finds on the open page, shown *width* pixels wide."""
    result: dict[str, Any] = driver.execute_script(MEASURE, width)
    return result

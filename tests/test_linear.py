"""Everything that reads role text runs in time linear in its length, on any text.

Each adversarial text below made a regular expression backtrack (a long word
next to ``@``, runs of spaces before "years", unclosed literals, many
newlines...). Each is read at two lengths, eight times apart, by every
reader of role text (the lint rules, the gender-coded words, years of
experience, the plain-text checks, escaping, the JobPosting's paragraphs).
Linear time grows about 8 times; quadratic time 64 times; the bound is 24.
A ratio measured in one run, not a time: the machines are shared.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable

import pytest

from sphinx_jobdesc.core import markup
from sphinx_jobdesc.core.checks.language import _YEARS
from sphinx_jobdesc.core.checks.lint import forget_coded_words, linter
from sphinx_jobdesc.core.checks.settings import LintSettings
from sphinx_jobdesc.core.html_text import html_paragraphs

LINT = linter(LintSettings(allow=("Fail fast",)))

#: A text of about *n* characters, per shape.
SHAPES: dict[str, Callable[[int], str]] = {
    "long word, then @": lambda n: "a" * n + "@",
    "long word, then backtick": lambda n: "`" + "a" * n,
    "long word, then ://": lambda n: "a" * n + "://",
    "dotted word, then @": lambda n: "a." * (n // 2) + "@",
    "many @": lambda n: "x@" * (n // 2),
    "spaces before years": lambda n: "5" + " " * n + "x",
    "digits and spaces": lambda n: "5 " * (n // 2),
    "newlines": lambda n: "\n" * n,
    "spaces and newlines": lambda n: " \n" * (n // 2),
    "blank lines of spaces": lambda n: "\n" + " " * n,
    "unclosed literal": lambda n: "``" + "a " * (n // 2),
    "many backticks": lambda n: "` " * (n // 2),
    "tag openings": lambda n: "<a " * (n // 3),
    "one open tag": lambda n: "<a" + " x" * (n // 2),
    "directive-like lines": lambda n: ".. \n" * (n // 4),
    "trigger words": lambda n: "rockstar ninja fail fast " * (n // 25),
    "stems": lambda n: "aggress" * (n // 7),
    "degree clause": lambda n: "degree " + "a " * (n // 2),
}


def read(text: str) -> None:
    """Every reader of role text, once."""
    LINT.findings(text)
    forget_coded_words()  # remembered per text: scan again
    LINT.coded_words(text)
    list(_YEARS.finditer(text))
    markup.suspicious_plain_text(text)
    markup.escape(text)
    html_paragraphs(text)


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_reading_role_text_is_linear(shape: str) -> None:
    small, large = SHAPES[shape](10_000), SHAPES[shape](80_000)
    base = max(seconds(small), 1e-4)
    # in a child process: quadratic time would take minutes, and a regular expression
    # cannot be interrupted
    took = seconds_in_child(large, limit=3 * 24 * base + 1)
    ratio = took / base if took is not None else float("inf")
    assert ratio < 24, f"{shape}: 8 times the text took {ratio:.0f} times as long"


def seconds_in_child(text: str, limit: float) -> float | None:
    """:func:`seconds` for *text* in a forked process; None if it needs more than *limit*."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(seconds(text)))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return float(receiver.recv())

"""The lint against a corpus of job-ad texts with the findings a reviewer expects
(``fixtures/lint-corpus.yaml``): nothing missed, nothing reported that should not
be, and the gender-coding verdict of each text. Run as a script, it prints the
figures per rule (findings, and the texts that must stay clean)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from sphinx_jobdesc.core.checks import LintSettings
from sphinx_jobdesc.core.checks.document import document_problems

CORPUS = yaml.safe_load((Path(__file__).parent / "fixtures" / "lint-corpus.yaml").read_text(
    encoding="utf8"))["texts"]


def linted(text: str) -> tuple[list[str], str]:
    """The rule of each finding in *text* (sorted) and its gender-coding verdict."""
    problems = document_problems("ad.txt", text, LintSettings())
    verdict = next(p.message for p in problems if p.rule == "gender-coded")
    verdict = verdict.split(" reads ", 1)[1].split(":", 1)[0]
    return sorted(p.rule or "" for p in problems if p.rule != "gender-coded"), verdict


def test_the_corpus_is_large_and_mixed() -> None:
    assert len(CORPUS) >= 60
    assert {entry["source"] for entry in CORPUS} == {"joblint", "gaucher", "ours"}
    assert sum(not entry["findings"] for entry in CORPUS) >= 20  # clean texts


@pytest.mark.parametrize("entry", CORPUS, ids=lambda entry: entry["text"][:40])
def test_the_lint_finds_what_a_reviewer_expects(entry: dict[str, object]) -> None:
    findings, verdict = linted(str(entry["text"]))
    assert (findings, verdict) == (sorted(entry["findings"]), entry["coding"])  # type: ignore[arg-type]


if __name__ == "__main__":  # the figures for the README and release notes
    expected: Counter[str] = Counter(rule for e in CORPUS for rule in e["findings"])
    found: Counter[str] = Counter()
    for entry in CORPUS:
        found.update(linted(entry["text"])[0])
    clean = [e for e in CORPUS if not e["findings"]]
    sys.stdout.write(f"{len(CORPUS)} texts, {len(clean)} expected clean\n")
    for rule in sorted(expected | found):
        sys.stdout.write(f"{rule:28} expected {expected[rule]:3}  found {found[rule]:3}\n")

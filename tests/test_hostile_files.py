"""Role files are untrusted: every YAML construct is read or reported at its line, never raised.

One row per construct: the file, then every problem it gives as
``line: subtype: message``, and what is left of the data. These run through
the Sphinx-free pipeline (``load_file`` and ``validated_file``), as the build and
the command line do.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import pytest
import yaml

from sphinx_jobdesc.core import loader
from sphinx_jobdesc.core.files import validated_file
from sphinx_jobdesc.core.loader import MAX_FILE_BYTES, load_file
from sphinx_jobdesc.core.resolve import MAX_EXTENDS, release_cache, resolve_role
from sphinx_jobdesc.core.tree import normalize_text

REPO = Path(__file__).parents[1]

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True))
SMALL_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abc", "bcd", strict=True))


def problems(path: Path) -> list[str]:
    return [f"{p.origin[1] if p.origin else '-'}: {p.subtype}: {p.message}"
            for p in load_file(str(path)).problems]


LOADER_CASES = {
    "explicit-int-tag-on-text": (
        "title: !!int Backend\n",
        ["1: yaml: 'Backend' is not a valid !!int; it is read as text"],
        {"title": "Backend"}),
    "explicit-float-tag-on-text": (
        "title: !!float hello\n",
        ["1: yaml: 'hello' is not a valid !!float; it is read as text"],
        {"title": "hello"}),
    "valid-explicit-tags": (
        "a: !!int 12\nb: !!float 3\nc: !!str 12\nd: !!bool true\ne: !!null ~\n",
        [], {"a": 12, "b": 3.0, "c": "12", "d": True, "e": None}),
    "python-object-tag-on-a-list": (
        "title: x\nrun: !!python/object/apply:os.system [echo pwned]\n",
        ["2: yaml: unsupported YAML tag '!!python/object/apply:os.system'; the tag is ignored"],
        {"title": "x", "run": ["echo pwned"]}),
    "set-tag-on-a-mapping": (
        "tags: !!set {a, b}\n",
        ["1: yaml: unsupported YAML tag '!!set'; the tag is ignored"],
        {"tags": {"a": None, "b": None}}),
    "unknown-tag-on-a-scalar": (
        "title: !secret Backend\n",
        ["1: yaml: unsupported YAML tag '!secret'; the value is read as text"],
        {"title": "Backend"}),
    "4301-digit-integer": (
        "min: " + "9" * 4301 + "\ntitle: x\n",
        ["1: schema: the number 9999999999999999999999999999999999999999... has 4,301 digits, "
         "more than 15; it is left out"],
        {"title": "x"}),
    "hex-integer-too-long": (
        "min: 0x" + "f" * 16 + "\n",
        ["1: schema: the number 0xffffffffffffffff has 16 digits, more than 15; it is left out"],
        {}),
    "recursive-alias": (
        "a: &r [one, *r]\nb: 2\n",
        ["1: yaml: the alias *r refers to the value that contains it; it is left out"],
        {"a": ["one"], "b": 2}),
    "unknown-alias": (
        "a: *nowhere\nb: 2\n",
        ["1: yaml: unknown alias *nowhere (no value is anchored as &nowhere before it); it is "
         "left out"],
        {"b": 2}),
    "an-alias-is-a-copy": (
        "a: &x {b: 1}\nc: *x\n",
        [], {"a": {"b": 1}, "c": {"b": 1}}),
    "billion-laughs": (
        BILLION_LAUGHS,
        ["6: yaml: aliases repeat more than 100,000 values; the file is not read"],
        None),
    "small-alias-bomb": (
        SMALL_BOMB,
        # b repeats 9 x 10 values, c 9 x 91, d 9 x 820; the file writes 18
        ["1: yaml: aliases repeat 8,289 values, more than 10 times the 18 the file writes; the "
         "file is not read"],
        None),
    "flow-nesting-600-deep": (
        "a: " + "[" * 600 + "]" * 600 + "\nb: 1\n",
        ["1: yaml: the data is nested more than 64 levels deep; 'a' is left out"],
        {"b": 1}),
    "block-nesting-700-deep": (
        "a:\n" + "".join("  " * depth + "-\n" for depth in range(1, 700)) + "b: 1\n",
        ["65: yaml: the data is nested more than 64 levels deep; 'a' is left out"],
        {"b": 1}),
    "nesting-100000-deep": (
        "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        ["1: yaml: the data is nested about 1,000 levels deep (YAML parsers stop there); the "
         "file is not read"],
        None),
    "two-documents": (
        "title: x\n---\ntitle: y\n",
        ["2: yaml: a role file holds one YAML document; the documents after the first are "
         "ignored"],
        {"title": "x"}),
    "duplicate-key": (
        "title: x\ntitle: y\n",
        ["2: yaml: duplicate key 'title' (first written on line 1); the last value is used"],
        {"title": "y"}),
    "complex-key": (
        "? [a, b]\n: value\ntitle: x\n",
        ["1: yaml: keys must be plain words"],
        {"title": "x"}),
    "syntax-error": (
        "title: [unclosed\n",
        ["2: yaml: YAML syntax error: while parsing a flow sequence did not find expected ',' "
         "or ']' (column 1)"],
        None),
    "empty": ("", ["1: schema: the role file is empty"], None),
    "a-list-not-a-mapping": (
        "- a\n", ["1: schema: a role file must be a mapping of keys to values"], None),
    "line-separators-become-newlines": (
        'a: "one\\u2028two\\vthree\\ffour\\x85five\\u2029six\\r\\nseven\\x00\\x07!"\n',
        [], {"a": "one\ntwo\nthree\nfour\nfive\n\nsix\nseven!"}),
}


def test_lone_surrogates_are_replaced() -> None:
    # YAML cannot write one (libyaml refuses "\ud800"); other readers of text might
    assert normalize_text("x\ud800y") == "x\ufffdy"


@pytest.mark.parametrize("name", LOADER_CASES)
def test_the_loader_reports_each_construct_at_its_line(tmp_path: Path, name: str) -> None:
    text, expected, data = LOADER_CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf8")
    assert problems(path) == expected
    assert load_file(str(path)).data == data


def test_the_format_nests_well_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 63 + "]" * 63 + "\n", encoding="utf8")  # 64 with the file's
    assert problems(path) == []


PARSERS = {"libyaml": yaml.CSafeLoader, "pure Python": loader.PureParser}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("name", ["flow-nesting-600-deep", "block-nesting-700-deep",
                                  "nesting-100000-deep", "billion-laughs", "recursive-alias"])
def test_both_of_pyyamls_parsers_give_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: str, name: str
) -> None:
    """libyaml (C) and PyYAML's pure-Python parser; the C one is used where it is built."""
    monkeypatch.setattr(loader, "_Parser", PARSERS[parser])
    text, expected, _ = LOADER_CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf8")
    assert problems(path) == expected


@pytest.mark.parametrize("text", [
    "a: [How would you change it?]", "a: [x?y, z]", "a: [a ? b]", "a: {a?: b}",
    "a: [?x]", "a: [? x]", "a: {k: v?}", "a: [x ?]",
])
def test_question_marks_in_flow_collections_read_as_libyaml_reads_them(text: str) -> None:
    """PyYAML's own pure-Python scanner ends plain text at "?" in [...] and {...}."""
    def events(parser: type) -> list[tuple[str, object]]:
        return [(type(event).__name__, getattr(event, "value", None))
                for event in yaml.parse(text, Loader=parser)]

    assert events(loader.PureParser) == events(yaml.CSafeLoader)


@pytest.mark.parametrize("parser", PARSERS)
def test_every_role_file_we_ship_loads_the_same_with_either_parser(
    monkeypatch: pytest.MonkeyPatch, parser: str
) -> None:
    """The example handbook's and the tests' role files: same data, same problems."""
    paths = sorted([*(REPO / "example_docs" / "roles").glob("*.yaml"),
                    *(REPO / "tests" / "snippets" / "roles").glob("*.yaml"),
                    *(REPO / "tests" / "roots" / "test-handbook" / "roles").glob("*.yaml")])
    expected = {path.name: load_file(str(path)) for path in paths}  # libyaml, where built
    monkeypatch.setattr(loader, "_Parser", PARSERS[parser])
    loaded = {path.name: load_file(str(path)) for path in paths}
    assert {name: (file.data, file.problems) for name, file in loaded.items()} == {
        name: (file.data, file.problems) for name, file in expected.items()}
    assert all(file.data is not None and not file.problems for file in loaded.values())


def test_nan_and_infinity_are_read_and_refused_by_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text("compensation: {currency: EUR, min: .nan, max: .inf}\n", encoding="utf8")
    loaded = load_file(str(path)).data
    assert loaded is not None and math.isnan(loaded["compensation"]["min"])
    checked = validated_file(str(path), "text")
    assert [f"{p.origin[1] if p.origin else '-'}: {p.subtype}: {p.message}"
            for p in checked.problems] == [
        "1: schema: compensation.min: nan is not a finite number",
        "1: schema: compensation.max: inf is not a finite number",
    ]
    assert checked.data is not None and checked.data["compensation"] == {"currency": "EUR"}


@pytest.mark.parametrize(("value", "valid"), [
    ("2026-11-02", True), ('"20261102"', False), ('"2026-W45-1"', False), ("2026-13-01", False),
    ('"2026-11-02T10:00"', False),
])
def test_dates_are_written_as_the_format_says(tmp_path: Path, value: str, valid: bool) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text(f"reviewed: {value}\n", encoding="utf8")
    messages = [p.message for p in validated_file(str(path), "text").problems]
    shown = value.strip('"')
    assert messages == ([] if valid else [f"reviewed: '{shown}' is not a date (YYYY-MM-DD)"])


def test_an_id_with_a_trailing_newline_is_not_an_id(tmp_path: Path) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text('id: "backend\\n"\n', encoding="utf8")
    assert [p.message for p in validated_file(str(path), "text").problems] == [
        "id: 'backend' is not a valid role id (lowercase letters, digits and hyphens, starting "
        "with a letter; a leading _ marks a base)"]


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("title: x\nsummary: '" + "a" * MAX_FILE_BYTES + "'\n", encoding="utf8")
    assert problems(path) == ["1: load: the role file is larger than 2 MiB; it is not read"]


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("title: Top secret\n", encoding="utf8")
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "inside.yaml").write_text("title: Inside\n", encoding="utf8")
    os.symlink(tmp_path / "secret.yaml", roles / "leak.yaml")
    os.symlink(roles / "inside.yaml", roles / "alias.yaml")
    assert problems(roles / "leak.yaml") == [
        "1: load: the role file is a symbolic link to a file outside its folder; role files are "
        "read only from inside their folder"]
    assert load_file(str(roles / "alias.yaml")).data == {"title": "Inside"}


def test_a_long_extends_chain_stops_at_the_limit(tmp_path: Path) -> None:
    count = 1000
    for index in range(count):
        parent = f"extends: r{index + 1}\n" if index + 1 < count else ""
        (tmp_path / f"r{index}.yaml").write_text(
            f"{parent}title: Role {index}\nsummary: S\nresponsibilities: [a]\n"
            "requirements: {must: [b]}\n", encoding="utf8")
    release_cache()
    resolution = resolve_role(str(tmp_path / "r0.yaml"), None, roles_dir=str(tmp_path),
                              markup="text")
    assert resolution.role is not None and resolution.role.title == "Role 0"
    assert [(p.origin, p.message) for p in resolution.problems] == [
        ((str(tmp_path / f"r{MAX_EXTENDS - 1}.yaml"), 1),
         f"extends: more than {MAX_EXTENDS} files extend each other; 'r{MAX_EXTENDS}' is not "
         "inherited")]
    assert len(resolution.files) == MAX_EXTENDS


@pytest.mark.parametrize(("text", "expected"), [
    ('{\n  "title": "Backend",\n  "summary": "x"\n  "benefits": []\n}\n',
     "4: yaml: JSON syntax error: Expecting ',' delimiter (column 3)"),
    ('{"title": "Backend",}\n',
     "1: yaml: JSON syntax error: Illegal trailing comma before end of object (column 20)"
     if sys.version_info >= (3, 13) else  # Python 3.13 words this one better
     "1: yaml: JSON syntax error: Expecting property name enclosed in double quotes "
     "(column 21)"),
])
def test_a_json_role_file_gets_json_syntax_errors(tmp_path: Path, text: str,
                                                  expected: str) -> None:
    """A .json file's syntax error in JSON's words, at its line and column."""
    path = tmp_path / "backend.json"
    path.write_text(text, encoding="utf8")
    assert problems(path) == [expected]
    (tmp_path / "valid.json").write_text('{"title": "Backend"}\n', encoding="utf8")
    assert load_file(str(tmp_path / "valid.json")).problems == ()

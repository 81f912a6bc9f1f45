"""What changed in a role between two versions of its role files, in the words of
the format rather than of YAML: a level added, a must-have dropped or moved to
nice-to-have, an item reworded (word by word), a salary range moved (and by what
percentage), a question re-timed.

Roles are compared merged (``extends`` and levels applied), so an edit of a base
file shows in every role it changes; they are matched by role id, so a renamed
file is followed. A change that every level of a role shares is said once, for
all levels. Nothing here knows about git or Sphinx: :mod:`.snapshots` reads the
two versions, the command line prints the result.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Compensation, Item, Question, Role, Stage
from .views.jobdescription import amount, location_text


@dataclass(frozen=True, slots=True)
class RoleVersion:
    """One role as one revision has it: its title and its merged role at each level
    (None: a role without levels)."""

    title: str
    levels: Mapping[str | None, Role]


#: Every role of a revision, by role id.
Snapshot = Mapping[str, RoleVersion]


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one role: *kind* is ``added``, ``removed``, ``reworded``,
    ``moved``, ``retitled``, ``retimed`` or ``changed``."""

    #: The level it concerns (None: all levels, or a role without levels).
    level: str | None
    #: What changed: ``level``, ``responsibilities``, ``requirements``, ``benefits``,
    #: ``compensation``, ``location``, ``employment_type``, ``posting``, ``stage``...
    area: str
    kind: str
    #: The item's id (or its words, for an item without one).
    item: str | None = None
    old: str | None = None
    new: str | None = None
    #: A comment on the change, such as the salary's percentage.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RoleDiff:
    role: str
    title: str
    #: ``added``, ``removed`` or ``changed``.
    status: str
    changes: tuple[Change, ...]


def diff_snapshots(old: Snapshot, new: Snapshot, *, public: bool = False) -> list[RoleDiff]:
    """The roles that differ between *old* and *new*, by role id; *public* leaves
    out the interview and internal items, as a public build does."""
    diffs = []
    for role_id in sorted(set(old) | set(new)):
        version = new.get(role_id) or old[role_id]
        before = old[role_id].levels if role_id in old else {}
        after = new[role_id].levels if role_id in new else {}
        title = version.title
        if not before or not after:
            status = "added" if after else "removed"
            diffs.append(RoleDiff(role_id, title, status, ()))
            continue
        changes = _role_changes(before, after, public)
        if changes:
            diffs.append(RoleDiff(role_id, title, "changed", tuple(changes)))
    return diffs


def _role_changes(before: Mapping[str | None, Role], after: Mapping[str | None, Role],
                  public: bool) -> list[Change]:
    common = [level for level in after if level in before]
    per_level = {level: _changes(before[level], after[level], public) for level in common}
    shared = [c for c in per_level[common[0]] if all(c in per_level[lv] for lv in common)] \
        if len(common) > 1 else []
    changes = [_at(change, None) for change in shared]
    for level in [level for level in before if level not in after]:
        changes.append(Change(level, "level", "removed", level, old=_level_title(before[level])))
    for level in [level for level in after if level not in before]:
        changes.append(Change(level, "level", "added", level, new=_level_title(after[level])))
    for level in common:
        changes += [_at(change, level) for change in per_level[level] if change not in shared]
    return changes


def _at(change: Change, level: str | None) -> Change:
    return Change(level, change.area, change.kind, change.item, change.old, change.new,
                  change.note)


def _level_title(role: Role) -> str:
    return role.level.title if role.level else role.title


def _changes(old: Role, new: Role, public: bool) -> list[Change]:
    """What differs between two versions of one merged role (at one level)."""
    found: list[Change] = []
    if _level_title(old) != _level_title(new):
        found.append(Change(None, "title", "retitled", None, _level_title(old),
                            _level_title(new)))
    for area, texts in (("summary", (old.summary, new.summary)),
                        ("level_summary", (old.level_summary, new.level_summary))):
        found += _text_change(area, *texts)
    found += _items("responsibilities", old.responsibilities, new.responsibilities, public)
    found += _requirements(old, new, public)
    found += _items("benefits", old.benefits, new.benefits, public)
    found += _compensation(old.compensation, new.compensation)
    found += _value("location", old, new, lambda r: location_text(r.location, {})
                    if r.location else None)
    found += _value("employment_type", old, new, lambda r: ", ".join(r.employment_type) or None)
    for field_name in ("date_posted", "valid_through"):
        found += _value(f"posting.{field_name}", old, new, _posting_date(field_name))
    if not public:
        found += _interview(old, new)
    return found


def _posting_date(name: str) -> Callable[[Role], str | None]:
    def shown(role: Role) -> str | None:
        value = getattr(role.posting, name) if role.posting else None
        return str(value) if value else None
    return shown


def _text_change(area: str, old: str | None, new: str | None) -> list[Change]:
    if old == new:
        return []
    kind = "added" if not old else "removed" if not new else "reworded"
    return [Change(None, area, kind, None, old, new)]


def _value(area: str, old: Role, new: Role, shown: Callable[[Role], str | None]
           ) -> list[Change]:
    before, after = shown(old), shown(new)
    return [] if before == after else [Change(None, area, "changed", None, before, after)]


def _key(item: Item) -> str:
    return item.id or " ".join(item.text.split())


def _shown(items: Iterable[Item], public: bool) -> dict[str, Item]:
    return {_key(item): item for item in items if not public or item.visibility == "public"}


def _items(area: str, old: Sequence[Item], new: Sequence[Item], public: bool,
           moved_to: Mapping[str, str] | None = None) -> list[Change]:
    """Items added, removed or reworded (matched by id; by their words without one)."""
    before, after = _shown(old, public), _shown(new, public)
    found = []
    for key, item in before.items():
        if key not in after and key not in (moved_to or {}):
            found.append(Change(None, area, "removed", key, old=item.text))
        elif key in after and after[key].text != item.text:
            found.append(Change(None, area, "reworded", key, item.text, after[key].text))
    found += [Change(None, area, "added", key, new=item.text) for key, item in after.items()
              if key not in before and key not in (moved_to or {}).values()]
    return found


def _requirements(old: Role, new: Role, public: bool) -> list[Change]:
    """Must-haves and nice-to-haves; an id that changes list is one move, not two."""
    found: list[Change] = []
    lists = {kind: (_shown(getattr(old.requirements, kind), public),
                    _shown(getattr(new.requirements, kind), public)) for kind in ("must", "nice")}
    moves = {}
    for kind, other in (("must", "nice"), ("nice", "must")):
        for key, item in lists[kind][0].items():
            if key not in lists[kind][1] and key in lists[other][1]:
                moves[key] = key
                found.append(Change(None, "requirements", "moved", key, f"{kind}: {item.text}",
                                    f"{other}: {lists[other][1][key].text}"))
    for kind in ("must", "nice"):
        found += _items(f"requirements.{kind}", getattr(old.requirements, kind),
                        getattr(new.requirements, kind), public, moves)
    return found


def _salary(compensation: Compensation | None) -> str | None:
    if compensation is None or (compensation.min is None and compensation.max is None):
        return None
    amounts = "\u2013".join(dict.fromkeys(amount(v) for v in (compensation.min, compensation.max)
                                          if v is not None))
    period = f" per {compensation.period.lower()}" if compensation.period else ""
    return f"{compensation.currency or ''} {amounts}{period}".strip()


def _compensation(old: Compensation | None, new: Compensation | None) -> list[Change]:
    before, after = _salary(old), _salary(new)
    if before == after:
        return []
    note = None
    if old is not None and new is not None and old.currency == new.currency:
        moves = [_percent(a, b) for a, b in ((old.min, new.min), (old.max, new.max))]
        note = ", ".join(move for move in moves if move) or None
    return [Change(None, "compensation", "changed", None, before, after, note)]


def _percent(old: float | None, new: float | None) -> str | None:
    if old is None or new is None or old == new or not old:
        return None
    return f"{(new - old) / old * 100:+.1f} %"


def _interview(old: Role, new: Role) -> list[Change]:
    """Stages and questions added, removed, reworded, re-timed or moved between stages."""
    before = {s.id: s for s in old.interview.stages} if old.interview else {}
    after = {s.id: s for s in new.interview.stages} if new.interview else {}
    found = [Change(None, "stage", "removed", key, old=s.title) for key, s in before.items()
             if key not in after]
    found += [Change(None, "stage", "added", key, new=s.title) for key, s in after.items()
              if key not in before]
    for key in [key for key in after if key in before]:
        found += _stage(before[key], after[key])
    questions_before = _questions(before.values())
    questions_after = _questions(after.values())
    for key, (stage, question) in questions_before.items():
        if key not in questions_after:
            found.append(Change(None, "question", "removed", key, old=question.text))
            continue
        new_stage, new_question = questions_after[key]
        if new_stage != stage:
            found.append(Change(None, "question", "moved", key, stage, new_stage))
        if new_question.text != question.text:
            found.append(Change(None, "question", "reworded", key, question.text,
                                new_question.text))
        found += _minutes("question", key, question.duration_minutes,
                          new_question.duration_minutes)
    found += [Change(None, "question", "added", key, new=question.text)
              for key, (_, question) in questions_after.items() if key not in questions_before]
    return found


def _stage(old: Stage, new: Stage) -> list[Change]:
    found = [] if old.title == new.title else [
        Change(None, "stage", "retitled", old.id, old.title, new.title)]
    return found + _minutes("stage", old.id, old.duration_minutes, new.duration_minutes)


def _minutes(area: str, key: str, old: int | None, new: int | None) -> list[Change]:
    if old == new:
        return []
    return [Change(None, area, "retimed", key, f"{old} min" if old else "no time",
                   f"{new} min" if new else "no time")]


def _questions(stages: Iterable[Stage]) -> dict[str, tuple[str, Question]]:
    return {question.id: (stage.id, question) for stage in stages
            for question in stage.questions}


def word_diff(old: str, new: str, removed: Callable[[str], str],
              added: Callable[[str], str], same: Callable[[str], str] = str) -> str:
    """*old* changed into *new* word by word, the words each side alone has marked by
    *removed* and *added* (``[-old-]{+new+}`` in text, like ``git diff --word-diff``),
    the others by *same*."""
    before, after = old.split(), new.split()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(same(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(removed(" ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(added(" ".join(after[j1:j2])))
    return " ".join(parts)

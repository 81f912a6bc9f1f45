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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from .changes import Change, RoleDiff, Snapshot, item_key, keyed
from .diff_interview import interview_changes
from .model import Compensation, Item, Role
from .views.jobdescription import amount, location_text


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
    changes = [replace(change, level=None) for change in shared]
    for level in [level for level in before if level not in after]:
        changes.append(Change(level, "level", "removed", level, old=_level_title(before[level])))
    for level in [level for level in after if level not in before]:
        changes.append(Change(level, "level", "added", level, new=_level_title(after[level])))
    for level in common:
        changes += [replace(change, level=level) for change in per_level[level]
                    if change not in shared]
    return changes


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
    found += keyed("sections", _sections(old, public), _sections(new, public))
    found += keyed("faq", _faq(old, public), _faq(new, public))
    found += _compensation(old.compensation, new.compensation)
    found += _value("location", old, new, lambda r: location_text(r.location, {})
                    if r.location else None)
    found += _value("employment_type", old, new, lambda r: ", ".join(r.employment_type) or None)
    for field_name in ("date_posted", "valid_through"):
        found += _value(f"posting.{field_name}", old, new, _posting_date(field_name))
    if not public:
        found += interview_changes(old, new)
    return found


def _sections(role: Role, public: bool) -> dict[str, str]:
    return {s.id: f"{s.title}: {s.body}" for s in role.sections
            if not public or s.visibility == "public"}


def _faq(role: Role, public: bool) -> dict[str, str]:
    return {entry.id or entry.question: f"{entry.question} {entry.answer}" for entry in role.faq
            if not public or entry.visibility == "public"}


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


def _shown(items: Iterable[Item], public: bool) -> dict[str, Item]:
    return {item_key(item): item for item in items if not public or item.visibility == "public"}


def _items(area: str, old: Sequence[Item], new: Sequence[Item], public: bool,
           moved: Iterable[str] = ()) -> list[Change]:
    """Items added, removed or reworded (matched by id; by their words without one)."""
    return keyed(area, {k: i.text for k, i in _shown(old, public).items()},
                  {k: i.text for k, i in _shown(new, public).items()}, set(moved))


def _requirements(old: Role, new: Role, public: bool) -> list[Change]:
    """Must-haves and nice-to-haves; an id that changes list is one move, not two."""
    found: list[Change] = []
    lists = {kind: (_shown(getattr(old.requirements, kind), public),
                    _shown(getattr(new.requirements, kind), public)) for kind in ("must", "nice")}
    moves = set()
    for kind, other in (("must", "nice"), ("nice", "must")):
        for key, item in lists[kind][0].items():
            if key not in lists[kind][1] and key in lists[other][1]:
                moves.add(key)
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

"""Three-way merge of a whole post state (content fields, status, photo texts) against a base.

Body, headline and deck merge as text, word by word (:func:`editor.review.merge3.merge_text`);
in the body, edits that overlap become CriticMarkup substitutions the person resolves in the
Review panel; in the headline and deck (which the window shows on one line, without marks) they
keep ours and are named (``kept``), theirs staying in the received revision. Tags and
categories merge as sets; every other field, the status and each photo's caption, credit and
alt text by value: the side that changed wins, and when both changed the same field
differently the local value stays (``kept``). Without a base
(two copies that never agreed), the paragraphs both have in common stand in for it.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from editor.review.merge3 import merge_list, merge_text, merge_value, paragraphs

MARKED = {"body": True, "headline": False, "deck": False}  # field -> may hold marks
LISTS = ("tags", "categories")


@dataclass
class StateMerge:
    state: dict[str, Any]
    theirs_fields: list[str] = field(default_factory=list)  # fields with their change in
    suggestions: list[tuple[str, str]] = field(default_factory=list)  # (field, mark)
    kept: list[str] = field(default_factory=list)  # both changed; ours stayed
    new_photos: list[str] = field(default_factory=list)  # uuids they added


def common_text(ours: str, theirs: str) -> str:
    """What two texts share, paragraph by paragraph: a stand-in base for two copies that never
    agreed (every stretch that differs then counts as changed on both sides)."""
    a, b = paragraphs(ours), paragraphs(theirs)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return "".join("".join(a[i : i + n]) for i, _j, n in matcher.get_matching_blocks())


def merge_states(base: dict[str, Any] | None, ours: dict[str, Any],
                 theirs: dict[str, Any]) -> StateMerge:  # fmt: skip
    result = StateMerge(deepcopy(ours))
    content = result.state["content"]
    b_content = (base or {}).get("content") or {}
    o_content, t_content = ours["content"], theirs["content"]
    for name, t_value in t_content.items():
        o_value = o_content.get(name)
        b_value: Any
        if base is None:
            b_value = common_text(o_value or "", t_value or "") if name in MARKED else (
                [] if name in LISTS else None)  # fmt: skip
        else:
            b_value = b_content.get(name)
        if name in MARKED:
            merged = merge_text(b_value or "", o_value or "", t_value or "",
                                by_paragraph=MARKED[name], marks=MARKED[name])  # fmt: skip
            content[name] = merged.text
            result.suggestions += [(name, m) for m in merged.suggestions]
            if merged.kept:
                result.kept.append(name)
            changed_by_them = (t_value or "") != (b_value or "")
        elif name in LISTS:
            content[name] = merge_list(b_value or [], o_value or [], t_value or [])
            changed_by_them = (t_value or []) != (b_value or [])
        else:
            content[name], conflict = merge_value(b_value, o_value, t_value)
            if conflict:
                result.kept.append(name)
            changed_by_them = t_value != b_value and not conflict
        if changed_by_them and content[name] != o_value:
            result.theirs_fields.append(name)
    status, conflict = merge_value((base or {}).get("status"), ours["status"], theirs["status"])
    result.state["status"] = status
    if conflict:
        result.kept.append("status")
    elif status != ours["status"]:
        result.theirs_fields.append("status")
    _merge_photos(result, (base or {}).get("photos") or {}, ours["photos"], theirs["photos"],
                  has_base=base is not None)  # fmt: skip
    return result


def _merge_photos(result: StateMerge, base: dict[str, Any], ours: dict[str, Any],
                  theirs: dict[str, Any], *, has_base: bool) -> None:  # fmt: skip
    photos = result.state["photos"]
    for uuid, t_texts in theirs.items():
        if uuid not in ours:
            if uuid not in base:  # they added it (one that was in the base, we removed)
                photos[uuid] = dict(t_texts)
                result.new_photos.append(uuid)
            continue
        b_texts = base.get(uuid) if has_base else None
        for name, t_value in t_texts.items():
            o_value = ours[uuid].get(name, "")
            b_value = (b_texts or {}).get(name) if b_texts is not None else None
            value, conflict = merge_value(b_value, o_value, t_value)
            photos[uuid][name] = value
            where = f"photo {uuid[:8]} {name}"
            if conflict:
                result.kept.append(where)
            elif value != o_value:
                result.theirs_fields.append(where)

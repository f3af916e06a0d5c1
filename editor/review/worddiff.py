"""Word-level differences between two texts, and between two versions of a post, field by field.

Tokens are words, runs of white space and single punctuation marks, never characters
(``difflib`` on the characters of a long post takes seconds). To stay fast on a 20,000-word
body the texts are first cut into sentences (a unit ends after ``.``, ``!``, ``?`` or a line
break); the sentences are matched, and only the unmatched stretches are compared word by word.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, NamedTuple

Tag = Literal["equal", "delete", "insert", "replace"]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_UNIT = re.compile(r"[^.!?\n]*[.!?]+|\s*\n\s*|[^.!?\n]+")

# Fields of a post a diff shows, in the order a person reads them.
FIELDS: tuple[tuple[str, str], ...] = (
    ("headline", "Headline"),
    ("deck", "Deck"),
    ("byline", "Byline"),
    ("byline_role", "Byline role"),
    ("tags", "Tags"),
    ("categories", "Categories"),
    ("body", "Body"),
    ("editor_note", "Editor's note"),
)


class Op(NamedTuple):
    tag: Tag
    old: str
    new: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def units(text: str) -> list[str]:
    """Sentences, line breaks and what is left between them: every character in one unit."""
    return _UNIT.findall(text)


def diff_words(old: str, new: str) -> list[Op]:
    """The word operations turning ``old`` into ``new``.

    Sentences found once in each text anchor the comparison (as in a patience diff); between
    two anchors, sentences are compared in pairs when both sides have as many, else the whole
    stretch word by word. Every comparison first sets aside the common start and end, so a
    long text with a few edits costs little more than cutting it into sentences."""
    if old == new:
        return [Op("equal", old, old)] if old else []
    ua, ub = units(old), units(new)
    ops: list[Op] = []
    p = _prefix(ua, ub)
    s = _prefix(ua[p:][::-1], ub[p:][::-1])
    _equal(ops, "".join(ua[:p]))
    ma, mb = ua[p : len(ua) - s], ub[p : len(ub) - s]
    i = j = 0
    for ai, bj in [*_anchors(ma, mb), (len(ma), len(mb))]:
        gap_a, gap_b = ma[i:ai], mb[j:bj]
        if len(gap_a) == len(gap_b):
            for x, y in zip(gap_a, gap_b, strict=True):
                _inner(ops, tokens(x), tokens(y))
        else:
            _inner(ops, tokens("".join(gap_a)), tokens("".join(gap_b)))
        if ai < len(ma):
            _equal(ops, ma[ai])
        i, j = ai + 1, bj + 1
    _equal(ops, "".join(ua[len(ua) - s :]))
    return _tidy(ops)


def diff_tokens(a: list[str], b: list[str]) -> list[Op]:
    """The word operations turning token list ``a`` into ``b`` (meant for short lists)."""
    ops: list[Op] = []
    _inner(ops, a, b)
    return _tidy(ops)


def _equal(ops: list[Op], text: str) -> None:
    if text:
        ops.append(Op("equal", text, text))


def _prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _anchors(ua: list[str], ub: list[str]) -> list[tuple[int, int]]:
    """Pairs of positions of sentences found exactly once in each text, in an order both
    agree on (the longest increasing run, by patience sorting)."""
    count: dict[str, list[int]] = {}
    for k, u in enumerate(ua):
        count.setdefault(u, [0, -1, 0, -1])
        count[u][0] += 1
        count[u][1] = k
    for k, u in enumerate(ub):
        if u in count:
            count[u][2] += 1
            count[u][3] = k
    pairs = sorted((v[1], v[3]) for v in count.values() if v[0] == 1 and v[2] == 1)
    # longest increasing subsequence on the b positions
    tails: list[int] = []
    links: list[int] = [-1] * len(pairs)
    tops: list[int] = []
    for n, (_ai, bj) in enumerate(pairs):
        k = bisect_left(tails, bj)
        if k == len(tails):
            tails.append(bj)
            tops.append(n)
        else:
            tails[k] = bj
            tops[k] = n
        links[n] = tops[k - 1] if k else -1
    out: list[tuple[int, int]] = []
    n = tops[-1] if tops else -1
    while n >= 0:
        out.append(pairs[n])
        n = links[n]
    return out[::-1]


def _inner(ops: list[Op], ta: list[str], tb: list[str], depth: int = 0) -> None:
    """Compare two stretches of tokens: common ends aside, then words found once on each side
    anchor smaller comparisons, and ``SequenceMatcher`` handles what is small or unanchored."""
    if ta == tb:
        _equal(ops, "".join(ta))
        return
    p = _prefix(ta, tb)
    s = _prefix(ta[p:][::-1], tb[p:][::-1])
    _equal(ops, "".join(ta[:p]))
    ma, mb = ta[p : len(ta) - s], tb[p : len(tb) - s]
    anchors = _anchors(ma, mb) if len(ma) * len(mb) > 400 and depth < 4 else []
    if anchors:
        i = j = 0
        for ai, bj in [*anchors, (len(ma), len(mb))]:
            _inner(ops, ma[i:ai], mb[j:bj], depth + 1)
            if ai < len(ma):
                _equal(ops, ma[ai])
            i, j = ai + 1, bj + 1
    elif ma or mb:
        # autojunk would drop common words such as "the" from matching; keep them while cheap
        matcher = SequenceMatcher(None, ma, mb, autojunk=len(ma) * len(mb) > 4_000_000)
        for tag, k1, k2, l1, l2 in matcher.get_opcodes():
            _add(ops, tag, "".join(ma[k1:k2]), "".join(mb[l1:l2]))
    _equal(ops, "".join(ta[len(ta) - s :]))


def _add(ops: list[Op], tag: str, old: str, new: str | None) -> None:
    if tag == "equal":
        ops.append(Op("equal", old, old))
    elif tag == "delete":
        ops.append(Op("delete", old, ""))
    elif tag == "insert":
        ops.append(Op("insert", "", new or ""))
    else:
        ops.append(Op("replace", old, new or ""))


def _tidy(ops: list[Op]) -> list[Op]:
    """Merge neighbours, and fold a lone space between two changes into them (so that
    ``[-a-] [-b-]`` reads ``[-a b-]``)."""
    out: list[Op] = []
    for op in ops:
        if not op.old and not op.new:
            continue
        if (
            op.tag != "equal"
            and len(out) >= 2
            and out[-1].tag == "equal"
            and out[-1].old.isspace()
            and "\n" not in out[-1].old
            and out[-2].tag != "equal"
        ):
            space = out.pop().old
            prev = out.pop()
            op = Op("replace", prev.old + space + op.old, prev.new + space + op.new)
        if out and (out[-1].tag == "equal") == (op.tag == "equal"):
            prev = out.pop()
            old, new = prev.old + op.old, prev.new + op.new
            op = Op("equal", old, new) if op.tag == "equal" else _change(old, new)
        elif op.tag != "equal":
            op = _change(op.old, op.new)
        out.append(op)
    return out


def _change(old: str, new: str) -> Op:
    return Op("insert" if not old else "delete" if not new else "replace", old, new)


# -- a post's fields ------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    ops: list[Op]

    @property
    def changed(self) -> bool:
        return any(op.tag != "equal" for op in self.ops)

    def counts(self) -> tuple[int, int]:
        """Words added and removed."""
        added = sum(len(re.findall(r"\w+", op.new)) for op in self.ops if op.tag != "equal")
        removed = sum(len(re.findall(r"\w+", op.old)) for op in self.ops if op.tag != "equal")
        return added, removed


def field_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def diff_fields(
    old: Mapping[str, Any], new: Mapping[str, Any], fields: Iterable[tuple[str, str]] = FIELDS
) -> list[FieldDiff]:
    """One :class:`FieldDiff` per field (changed or not), from two snapshots of a post. Extra
    keys such as ``photo:<name>:caption`` are compared too, after the known fields."""
    wanted = list(fields)
    known = {name for name, _ in wanted}
    extra = sorted((set(old) | set(new)) - known - {"published_at", "published_tz", "slug",
                   "slug_auto", "published_date_only"})  # fmt: skip
    wanted += [(k, k.replace(":", " ").capitalize()) for k in extra if ":" in k]
    return [
        FieldDiff(name, label, diff_words(field_text(old.get(name)), field_text(new.get(name))))
        for name, label in wanted
    ]


PHOTOS = "photos"  # a snapshot's list of {"id", "uuid", "filename", "caption", "credit"}
PHOTO_TEXTS = (("caption", "caption"), ("credit", "credit"))


def photo_fields(
    photos: Iterable[Mapping[str, Any]],
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """A snapshot's photos as ``photo:ID:caption`` / ``photo:ID:credit`` texts and their
    labels ("Photo “beach.jpg” caption")."""
    texts: dict[str, str] = {}
    labels: list[tuple[str, str]] = []
    for photo in photos:
        name = str(photo.get("filename") or f"#{photo.get('id')}")
        for key, word in PHOTO_TEXTS:
            field = f"photo:{photo.get('id')}:{key}"
            texts[field] = field_text(photo.get(key))
            labels.append((field, f"Photo “{name}” {word}"))
    return texts, labels


def diff_snapshots(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    *,
    old_name: str = "the older version",
    new_name: str = "the newer version",
) -> tuple[list[FieldDiff], str]:
    """:func:`diff_fields` of two stored versions, photo captions and credits included; and a
    note when a version recorded no photos (revisions made before they were kept): its photos
    are then not compared, rather than shown as all added or all removed."""
    missing = [name for name, snap in ((old_name, old), (new_name, new)) if PHOTOS not in snap]
    a = {k: v for k, v in old.items() if k != PHOTOS}
    b = {k: v for k, v in new.items() if k != PHOTOS}
    if missing:
        note = f"No photos recorded in {' or '.join(missing)}: captions and credits not compared."
        return diff_fields(a, b), note
    old_texts, old_labels = photo_fields(old[PHOTOS] or [])
    new_texts, new_labels = photo_fields(new[PHOTOS] or [])
    labels = dict(old_labels) | dict(new_labels)
    wanted = [*FIELDS, *labels.items()]
    return diff_fields({**a, **old_texts}, {**b, **new_texts}, wanted), ""


# -- output ---------------------------------------------------------------------------------
def inline_text(ops: list[Op]) -> str:
    """``git diff --word-diff`` style: ``[-old-]{+new+}``."""
    out = []
    for op in ops:
        if op.tag == "equal":
            out.append(op.old)
        else:
            if op.old:
                out.append(f"[-{op.old}-]")
            if op.new:
                out.append(f"{{+{op.new}+}}")
    return "".join(out)


def inline_html(ops: list[Op]) -> str:
    out = []
    for op in ops:
        if op.tag == "equal":
            out.append(html.escape(op.old))
        else:
            if op.old:
                out.append(f"<del>{html.escape(op.old)}</del>")
            if op.new:
                out.append(f"<ins>{html.escape(op.new)}</ins>")
    return "".join(out).replace("\n", "<br>\n")


def side_html(ops: list[Op], side: Literal["old", "new"]) -> str:
    """One side of a side-by-side view: the old text with removals marked, or the new text
    with additions marked."""
    out = []
    tag = "del" if side == "old" else "ins"
    for op in ops:
        text = op.old if side == "old" else op.new
        if op.tag == "equal":
            out.append(html.escape(text))
        elif text:
            out.append(f"<{tag}>{html.escape(text)}</{tag}>")
    return "".join(out).replace("\n", "<br>\n")


def ops_json(ops: list[Op]) -> list[dict[str, str]]:
    return [{"op": op.tag, "old": op.old, "new": op.new} for op in ops]

"""Opening a review package where both sides edited a long post (issue 11).

A 20,000-word body, 150 word edits on each side since the base (some in the same sentences):
the three-way merge (:func:`editor.review.merge3.merge_text`) must take at most 300 ms. Reported
as a ratio to two word diffs of the same texts (base → ours, base → theirs) in the same run,
which is the least any three-way merge has to do.
"""

from __future__ import annotations

import random

from bench.bench_diff import edited
from bench.common import Figure, paired, report
from bench.corpus import article
from editor.review.merge3 import merge_text
from editor.review.worddiff import diff_words

TARGET_S = 0.300


def run() -> list[Figure]:
    rng = random.Random(11)
    base = article(rng, 20_000)
    ours, theirs = edited(base, 150, rng), edited(base, 150, rng)

    def merge() -> object:
        return merge_text(base, ours, theirs)

    def baseline() -> object:
        return diff_words(base, ours), diff_words(base, theirs)

    seconds, two_diffs = paired(merge, baseline, repeat=3)
    conflicts = merge_text(base, ours, theirs).conflicts
    print(f"  ({conflicts} conflicting stretch(es) became suggestions)", flush=True)
    return [
        report(
            Figure(
                "three-way merge, 20k words, 150 edits a side",
                seconds,
                "two word diffs (base→ours, base→theirs)",
                two_diffs,
                f"<= {TARGET_S * 1000:.0f} ms",
                seconds <= TARGET_S,
            )
        )
    ]


if __name__ == "__main__":
    run()

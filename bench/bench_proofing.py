"""Proofing (issue 12): a 20,000-word post checked cold against the same words through the
engine alone (at most 1.5x), the highlighter's cost per keystroke on the GUI thread against a
QSyntaxHighlighter that does nothing (at most 2 ms more), and the dictionaries' memory."""

from __future__ import annotations

import os
import random
import time

from bench.common import Figure, paired, report

WORDS = 20_000
CHECK_RATIO = 1.5
KEYSTROKE_S = 0.002


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def english_article(dic, words: int) -> str:
    """Markdown like corpus.article, but of real English words (Zipf-distributed over 20,000
    of the dictionary's words) with one typo in 200 words, as a draft has."""
    rng = random.Random(12)
    lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    stems = [w.split("/")[0] for w in lines]
    stems = [w for w in stems if w.isalpha() and w.islower() and len(w) > 1]
    vocabulary = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on"]
    vocabulary += rng.sample(stems, 20_000)
    weights = [1.0 / rank for rank in range(1, len(vocabulary) + 1)]

    def sentence(count: int) -> str:
        chosen = rng.choices(vocabulary, weights=weights, k=count)
        for i, word in enumerate(chosen):
            if rng.random() < 0.005 and len(word) > 3:
                chosen[i] = word[0] + word[2] + word[1] + word[3:]  # a typo
        return " ".join(chosen).capitalize() + "."

    parts, written, n = [], 0, 0
    while written < words:
        n += 1
        if n % 6 == 0:
            parts.append(f"## {sentence(5)[:-1]}")
        elif n % 9 == 0:
            parts.append(f"See [the report](https://example.org/{n}) and `code` {sentence(12)}")
            written += 15
        else:
            size = rng.randint(40, 90)
            parts.append(
                " ".join(sentence(s) for s in (size // 3, size // 3, size - 2 * (size // 3)))
            )
            written += size
    return "\n\n".join(parts) + "\n"


def run() -> list[Figure]:
    from editor.proofing.checker import Languages, PostText, Proofreader
    from editor.proofing.style import RULES
    from editor.proofing.tokens import is_checked, words

    languages = Languages()
    print("dictionaries (load time, resident memory added):", flush=True)
    for lang in ("en_US", "es", "pt_BR", "fr"):
        before, start = _rss_kib(), time.perf_counter()
        engine = languages.engine(lang)
        took = time.perf_counter() - start
        name = engine.name if engine else "missing"
        print(
            f"  {lang:<6} {name:<9} {took * 1000:7.1f} ms  {(_rss_kib() - before) / 1024:6.1f} MB"
        )

    english = languages.dictionary_for("en_US")
    engine = languages.engine("en_US")
    assert english is not None and engine is not None
    body = english_article(english.dic, WORDS)
    plain = [w for _, _, w in words(body) if is_checked(w)]
    check = engine.check

    def engine_alone() -> None:
        for word in plain:
            check(word)

    def spelling_cold() -> None:
        reader = Proofreader(languages, rules_off=RULES)  # spelling alone
        reader.check_post(PostText(body=body, language="en_US"))

    def proofread_cold() -> None:
        Proofreader(languages).check_post(PostText(body=body, language="en_US"))

    spelling, baseline = paired(spelling_cold, engine_alone, repeat=7)
    figures = [
        report(
            Figure(
                f"spelling of a {WORDS:,}-word post, cold",
                spelling,
                "engine alone, same words",
                baseline,
                f"<= {CHECK_RATIO}x",
                spelling <= CHECK_RATIO * baseline,
            )
        ),
    ]
    cold, baseline = paired(proofread_cold, engine_alone, repeat=7)
    figures += [
        report(
            Figure(
                f"spelling + house style, {WORDS:,} words, cold",
                cold,
                "engine alone, same words",
                baseline,
                f"<= {CHECK_RATIO}x",
                cold <= CHECK_RATIO * baseline,
            )
        )
    ]
    figures.append(_keystroke(languages, body))
    # Last: spylls' dictionary is ~65 MB of Python objects, which would slow every garbage
    # collection of the figures above (it is loaded only where libhunspell is missing).
    from editor.proofing.engine import SpyllsEngine

    spanish = languages.dictionary_for("es")
    if spanish is not None:
        before, start = _rss_kib(), time.perf_counter()
        pure = SpyllsEngine(spanish.dic)  # noqa: F841  (kept alive while measured)
        took = time.perf_counter() - start
        print(f"  es     spylls    {took * 1000:7.1f} ms  {(_rss_kib() - before) / 1024:6.1f} MB")
    return figures


def _keystroke(languages, body: str) -> Figure:
    """One key typed into a 20,000-word body: Qt re-highlights the edited paragraph."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QSyntaxHighlighter, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QPlainTextDocumentLayout

    from editor.proofing.checker import Proofreader
    from editor.ui.proofing.spell_layer import SpellLayer
    from editor.ui.writing.highlighter import MarkdownHighlighter

    _app = QApplication.instance() or QApplication([])

    class Nothing(QSyntaxHighlighter):
        def highlightBlock(self, text: str) -> None:
            return None

    rng = random.Random(3)

    def setup(kind: str):
        document = QTextDocument()
        document.setPlainText(body)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        if kind == "nothing":
            keep = Nothing(document)
        else:
            keep = MarkdownHighlighter(document)
            reader = Proofreader(languages)
            reader.misspelt(body, "en_US")  # what the window's background pass leaves
            middle = document.findBlockByNumber(document.blockCount() // 2).blockNumber()
            keep.spelling = SpellLayer(reader, lambda: middle)
            keep.spelling.language = "en_US"
            keep.rehighlight()
        block = document.findBlockByNumber(document.blockCount() // 2)
        while len(block.text()) < 200:
            block = block.next()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText(" ")
        return document, keep, cursor

    spelled, _h1, cursor_a = setup("spelling")
    bare, _h2, cursor_b = setup("nothing")

    def typed(cursor: QTextCursor):
        def key() -> None:
            # A new letter each time: the word at the caret is one the engine has not seen.
            cursor.insertText(rng.choice("abcdefghijklmnopqrstuvwxyz"))

        return key

    ours, baseline = paired(typed(cursor_a), typed(cursor_b), repeat=60)
    del spelled, bare
    return report(Figure("keystroke: Markdown + spelling highlighter", ours,
                         "do-nothing QSyntaxHighlighter", baseline, "<= +2 ms",
                         ours - baseline <= KEYSTROKE_S))  # fmt: skip

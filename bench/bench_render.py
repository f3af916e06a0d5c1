"""Rendering and exporting pages (issue 3).

* Full page render (Markdown, sanitising, template) of 5,000- and 20,000-word posts against
  Python-Markdown alone with the same extensions on the same text: target <= 1.3x. Measured
  for the export's whole-document path and for the preview's first render (empty block cache).
* A one-character edit in a 20,000-word post with a warm block cache (the body's share of the
  preview's 50 ms keystroke-to-paint target).
* Export of a text-only post to a bundle folder: target <= 100 ms (baseline: writing the same
  bytes with plain file writes).
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Figure, best_of, report
from editor.model import PostContent
from editor.render.body import BodyRenderer
from editor.render.bundle import build_bundle
from editor.render.context import BlogInfo, PageData
from editor.render.markdown_ext import plain_markdown
from editor.render.page import render_page
from editor.render.themes import require_theme
from editor.services import blogs, posts
from editor.services.bundles import export_post
from editor.store.database import open_store

WORDS = [
    "the",
    "station",
    "volunteers",
    "grid",
    "power",
    "village",
    "radio",
    "news",
    "morning",
    "solar",
    "panels",
    "battery",
    "cooperative",
    "election",
    "results",
    "province",
    "mountain",
    "valley",
    "market",
    "prices",
    "listeners",
    "signal",
    "transmitter",
    "engineer",
    "community",
    "broadcast",
    "outage",
    "winter",
    "drought",
    "harvest",
    "council",
    "water",
    "school",
    "teacher",
    "families",
    "neighbours",
    "road",
    "bus",
    "journey",
    "altiplano",
    "minister",
    "budget",
]


def article(words: int, seed: int = 3) -> str:
    """A news post of about ``words`` words: paragraphs with quotes, links and emphasis,
    subheads, a list, a blockquote and an in-article box."""
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    paragraph = 0
    while count < words:
        paragraph += 1
        if paragraph % 7 == 0:
            out.append(f"## {rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}")
        if paragraph % 11 == 0:
            out.append("\n".join(f"- {' '.join(rng.choices(WORDS, k=9))}." for _ in range(3)))
            count += 27
        if paragraph % 13 == 0:
            out.append(f'> "{" ".join(rng.choices(WORDS, k=20))}," she said.\n>\n> — A listener')
            count += 24
        if paragraph % 29 == 0:
            out.append(f'::: related\n[{" ".join(rng.choices(WORDS, k=6))}]'
                       f"(https://example.org/{paragraph})\n:::")  # fmt: skip
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words_in = rng.choices(WORDS, k=rng.randint(10, 22))
            words_in[0] = words_in[0].capitalize()
            if rng.random() < 0.3:
                words_in[3] = f"*{words_in[3]}*"
            if rng.random() < 0.2:
                words_in[5] = f"[{words_in[5]}](https://example.org/{words_in[5]})"
            text = " ".join(words_in)
            if rng.random() < 0.3:
                text = f'"{text}," said the {rng.choice(WORDS)}\'s chief -- again'
            sentences.append(text + ".")
            count += len(words_in)
        out.append(_wrap(" ".join(sentences)))
    return "\n\n".join(out) + "\n"


def _wrap(text: str, width: int = 92) -> str:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _page(body: str) -> PageData:
    return PageData(blog=BlogInfo(name="Bench Blog", url="https://example.org/"),
                    headline="A long read", body=body, deck="Deck", byline="A. Writer",
                    role="Guest blogger", slug="long-read")  # fmt: skip


def paired(functions: list, repeat: int = 7) -> list[float]:
    """Median time of each function, run in turn within every round, so that load from
    elsewhere on the machine weighs on the baseline and the measured code alike."""
    for fn in functions:
        fn()
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for fn, bucket in zip(functions, times, strict=True):
            start = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - start)
    return [statistics.median(bucket) for bucket in times]


def _render_figures(words: int, theme) -> list[Figure]:
    text = article(words)
    md = plain_markdown()

    def markdown_alone() -> None:
        md.reset()
        md.convert(text)

    data = _page(text)

    def export_render() -> None:
        render_page(data, theme=theme, mode="export", asset_prefix="assets/")

    def first_preview_render() -> None:
        body = BodyRenderer().render(text)  # a fresh renderer: nothing cached
        render_page(data, theme=theme, mode="preview", asset_prefix="assets/", body=body)

    base, export, first = paired([markdown_alone, export_render, first_preview_render])
    name = f"{words:,} words"
    return [
        report(Figure(f"page render, export path, {name}", export, "Python-Markdown alone",
                      base, "<= 1.3x", export / base <= 1.3)),
        report(Figure(f"page render, first preview (cold cache), {name}", first,
                      "Python-Markdown alone", base, "<= 1.3x", first / base <= 1.3)),
    ]  # fmt: skip


def _edit_figure(theme) -> Figure:
    text = article(20_000)
    renderer = BodyRenderer()
    renderer.render(text)
    middle = len(text) // 2
    middle = text.index(" ", middle)
    variants = [text[:middle] + c + text[middle:] for c in "xyzw"]
    state = {"i": 0}

    def edit() -> None:
        state["i"] += 1
        renderer.render(variants[state["i"] % len(variants)])

    md = plain_markdown()

    def markdown_alone() -> None:
        md.reset()
        md.convert(text)

    base = best_of(markdown_alone, repeat=3)
    seconds = best_of(edit, repeat=9)
    return report(Figure("one-character edit, warm block cache, 20,000 words", seconds,
                         "full Python-Markdown", base, "<= 50 ms", seconds <= 0.050))  # fmt: skip


def _export_figure() -> Figure:
    folder = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    try:
        store = open_store(folder / "bench.sqlite3")
        with store.session() as s:
            blog = blogs.get_or_create_blog(s, "Bench Blog", site_url="https://example.org/")
            post_id = posts.create_post(
                s, PostContent(headline="A text-only post", body=article(1_500)), blog=blog
            ).id

        def export() -> None:
            with store.session() as s:
                export_post(s, posts.get_post(s, post_id), folder / "out")

        with store.session() as s:
            post = posts.get_post(s, post_id)
            from editor.formats.post_json import blog_to_json, post_to_json
            from editor.render.context import page_data_for
            from editor.services.importing import export_markdown

            files, _ = build_bundle(page_data_for(post), theme=require_theme("newsroom"),
                                    post_json=post_to_json(post), blog_json=blog_to_json(post.blog),
                                    markdown=export_markdown(post))  # fmt: skip

        def plain_write() -> None:
            target = folder / "plain"
            shutil.rmtree(target, ignore_errors=True)
            for name, content in files.items():
                path = target / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)

        base, seconds = paired([plain_write, export])
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report(Figure("export of a text-only post (1,500 words) to a folder", seconds,
                         "plain file writes", base, "<= 100 ms", seconds <= 0.100))  # fmt: skip


def run() -> list[Figure]:
    theme = require_theme("newsroom")
    figures = _render_figures(5_000, theme) + _render_figures(20_000, theme)
    figures.append(_edit_figure(theme))
    figures.append(_export_figure())
    return figures

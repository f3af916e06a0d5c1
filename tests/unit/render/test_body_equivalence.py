"""The cached, block-by-block path gives exactly the whole-document HTML, for any document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.render.body import BodyRenderer
from editor.render.views import PhotoView

WORDS = st.sampled_from(
    ["news", "radio", "Achacachi", "sun", '"quoted"', "it's", "--", "...", "*em*", "**bold**",
     "`code`", "[link](https://example.com/a)", "[bad](javascript:alert(1))", "~~gone~~",
     "![p](photo:1)", "![x](https://t.example/p.gif)", "x<y", "&amp;", "{: .c}", "_u_", "#tag"]
)  # fmt: skip
LINE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
HEAD = st.sampled_from(["Intro", "Intro", "The vote", "Après", "Article body", "", "Intro_1"])
INDENT = st.sampled_from(["", " ", "  ", "    ", "\t"])


@st.composite
def block(draw) -> str:
    kind = draw(st.integers(0, 13))
    line = draw(LINE)
    if kind == 0:
        return "\n".join(draw(st.lists(LINE, min_size=1, max_size=3)))
    if kind == 1:
        level = draw(st.integers(1, 4))
        attrs = draw(st.sampled_from(["", " {#intro}", " {.wide}"]))
        return f"{'#' * level} {draw(HEAD)}{attrs}"
    if kind == 2:
        marker = draw(st.sampled_from(["-", "*", "1.", "2)"]))
        items = draw(st.lists(LINE, min_size=1, max_size=3))
        return "\n".join(f"{marker} {item}" for item in items)
    if kind == 3:
        return "\n".join(f"> {x}" for x in draw(st.lists(LINE, min_size=1, max_size=3)))
    if kind == 4:
        return f"{draw(INDENT)}{line}"
    if kind == 5:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return f"{fence}\n{line}\n\n{line}\n{fence}"
    if kind == 6:
        return f"| a | b |\n|:--|--:|\n| {line} | 2 |"
    if kind == 7:
        box = draw(st.sampled_from(["related", "promo", "factbox", "other"]))
        label = draw(st.sampled_from(["", ' "Take our quiz"']))
        inner = "\n\n".join(draw(st.lists(LINE, min_size=1, max_size=2)))
        close = draw(st.sampled_from([":::", ":::", ""]))
        return f"::: {box}{label}\n{inner}\n{close}"
    if kind == 8:
        return draw(st.sampled_from(["---", "***", "===", "Title\n====="]))
    if kind == 9:
        return draw(st.sampled_from(
            ["Note[^1]", "[^1]: The note.", "[ref]: https://example.com", "[ref] link",
             "*[HTML]: HyperText", "<div>raw</div>", "<script>x()</script>", "<b>open",
             "<!-- c -->", "<form>t</form>"]
        ))  # fmt: skip
    if kind == 10:
        return f"- {line}\n\n    {line}"
    if kind == 11:
        return "   "  # whitespace-only line
    if kind == 12:
        return f"{line}\n    indented continuation"
    return f"{line}  \nhard break"


SEPARATORS = st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n", "\r\n\r\n", "\n \n"])


@st.composite
def document(draw) -> str:
    blocks = draw(st.lists(block(), max_size=10))
    text = ""
    for b in blocks:
        text += b + draw(SEPARATORS)
    return text


PHOTO = PhotoView(src="images/1.jpg", width=4, height=3, alt="A", caption="C", credit="K")
# Shared across examples (building a Markdown converter costs more than a render); the cached
# renderer then also meets blocks cached by earlier examples, as the preview would.
CACHED = BodyRenderer(resolve_photo=lambda pid: PHOTO if pid == "1" else None)
WHOLE = BodyRenderer(resolve_photo=lambda pid: PHOTO if pid == "1" else None)
CACHED.batch_min = 2  # new blocks go through the batch conversion whenever they can
ONE_BY_ONE = BodyRenderer(resolve_photo=lambda pid: PHOTO if pid == "1" else None)
ONE_BY_ONE.batch_min = 10**9


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), document())
def test_cached_render_equals_whole_render(first: str, second: str) -> None:
    for text in (first, second, first + second):  # the later renders reuse cached blocks
        body = CACHED.render(text)
        full = WHOLE.render_full(text)
        assert body.html == full.html
        assert sorted(map(str, body.removed)) == sorted(map(str, full.removed))
        assert sum(b.nodes for b in body.blocks) == full.blocks[0].nodes


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_batch_conversion_gives_each_block_what_converting_it_alone_gives(text: str) -> None:
    batch = BodyRenderer(resolve_photo=lambda pid: PHOTO if pid == "1" else None)
    batch.batch_min = 1
    ONE_BY_ONE.clear_cache()
    assert batch.render(text).blocks == ONE_BY_ONE.render(text).blocks

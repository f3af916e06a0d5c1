"""The preview's block diff: applying the patch to the shown elements gives the new ones."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from editor.ui.preview.blocks import block_start, diff_blocks, patch_script


@dataclass(frozen=True)
class B:
    html: str
    nodes: int


def elements(html: str) -> list[str]:
    """The top-level elements of a fragment made of ``<t>x</t>`` pieces."""
    return [piece + "</t>" for piece in html.split("</t>") if piece]


def block(text: str, nodes: int) -> B:
    return B("".join(f"<t>{text}{i}</t>" for i in range(nodes)), nodes)


blocks_strategy = st.lists(
    st.builds(block, st.sampled_from("abcd"), st.integers(1, 3)), max_size=12
)


@given(blocks_strategy, blocks_strategy)
def test_patch_turns_old_elements_into_new(old, new):
    patch = diff_blocks(old, new)
    shown = elements("".join(b.html for b in old))
    patched = shown[: patch.start] + elements(patch.html) + shown[patch.start + patch.remove :]
    assert patched == elements("".join(b.html for b in new))
    assert patch.total == len(patched)


def test_one_changed_block_replaces_only_its_elements():
    old = [B("<p>1</p>", 1), B("<p>2</p>", 1), B("<ul>3</ul>", 2), B("<p>4</p>", 1)]
    new = [B("<p>1</p>", 1), B("<p>2</p>", 1), B("<ul>3!</ul>", 1), B("<p>4</p>", 1)]
    patch = diff_blocks(old, new)
    assert (patch.start, patch.remove, patch.html, patch.total) == (2, 2, "<ul>3!</ul>", 4)


def test_identical_bodies_need_no_patch_and_inserts_keep_neighbours():
    same = [B("<p>1</p>", 1), B("<p>2</p>", 1)]
    assert diff_blocks(same, list(same)).empty
    patch = diff_blocks(same, [same[0], B("<p>new</p>", 1), same[1]])
    assert (patch.start, patch.remove, patch.html) == (1, 0, "<p>new</p>")


def test_block_start_counts_elements_and_clamps():
    blocks = [B("a", 2), B("b", 1), B("c", 3)]
    assert [block_start(blocks, i) for i in (0, 1, 2, 9, -1)] == [0, 2, 3, 3, 0]


def test_patch_script_embeds_html_as_a_string_literal():
    patch = diff_blocks([], [B('<p>"quote" </script> \u2028</p>', 1)])
    script = patch_script(patch, focus=0)
    assert '"<p>\\"quote\\" </script> \\u2028</p>"' in script

"""Rich text pasted into the body becomes Markdown in Byline's house style; the rest is dropped."""

from __future__ import annotations

from editor.formats.pasted_html import html_to_markdown, plain_text

BROWSER_COPY = (
    '<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body>'
    "<!--StartFragment--><h2>Water &amp; power</h2><p>The <b>panels</b> kept the <i>station</i>"
    ' on&nbsp;air. See <a href="https://example.org/x">the report</a>.</p>'
    "<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>"
    '<img src="https://example.org/y.png" alt="pic"><script>alert(1)</script>'
    "<p>Last 2*3 snake_case</p><!--EndFragment--></body></html>"
)


def test_a_browser_selection_keeps_structure_links_and_emphasis():
    assert html_to_markdown(BROWSER_COPY) == (
        "## Water & power\n\n"
        "The **panels** kept the _station_ on air. See [the report](https://example.org/x).\n\n"
        "- one\n- two\n\n"
        "> quoted\n\n"
        "Last 2\\*3 snake_case"
    )


def test_word_processor_styles_become_bold_and_italic():
    google_docs = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p dir="ltr"><span style="font-weight:400">Plain </span>'
        '<span style="font-weight:700">strong</span>'
        '<span style="font-style:italic"> slanted</span></p></b>'
    )
    assert html_to_markdown(google_docs) == "Plain **strong** _slanted_"


def test_an_inline_fragment_keeps_its_spaces():
    assert html_to_markdown(" the <em>full</em> report") == " the _full_ report"


def test_plain_text_line_ends_and_no_break_spaces_are_tidied():
    assert plain_text("one\r\ntwo\rthree\u00a0four") == "one\ntwo\nthree four"

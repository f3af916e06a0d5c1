"""``~~struck~~`` becomes ``<del>struck</del>``: ``pymdownx.tilde`` as Byline configures it
(delete only, no subscript), without importing ``pymdownx.tilde``.

That module's helpers import ``urllib.request`` (and with it http.client, email and ssl:
~19 ms of every ``byline render``) for two path functions the strikethrough never uses.
The delimiter rules stay pymdownx's own (:class:`DelimiterProcessor`), set up as
``DeleteSubExtension(subscript=False)`` sets them up; ``tests/unit/render/test_strike.py``
compares the output with ``pymdownx.tilde``'s.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from pymdownx.delimiterprocessor import Delimiter, DelimiterProcessor


class StrikeExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"subscript": [False, "~sub~: not offered (pymdownx.tilde has it)"]}
        super().__init__(**kwargs)
        if self.getConfig("subscript"):
            raise ValueError("StrikeExtension has no subscript: use pymdownx.tilde")

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if "~" not in md.ESCAPED_CHARS:  # a copy: the list may be shared with other instances
            md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "~"]
        # What DeleteSubExtension builds for delete=True, subscript=False, smart_delete=False.
        tilde = Delimiter("~", "del", smart=False, no_space=True, double=True, punct=True)
        self.processor = DelimiterProcessor(tilde, md)
        md.inlinePatterns.register(self.processor, "delimiter", 60)

    def reset(self) -> None:
        self.processor.reset()

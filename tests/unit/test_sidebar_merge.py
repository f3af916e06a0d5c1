"""The sidebar's merge and URL rules, property-based where the rule is a property."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.errors import InputError
from editor.model import LinkSource
from editor.services.sidebar_merge import (
    LinkSpec,
    RecentPost,
    exclude_post,
    merge_links,
    normalise_url,
    recent_from_rows,
    validate_url,
)

# A small URL space, so incoming posts often collide with current links and with each other,
# in spellings that differ only in host case and a trailing slash.
_paths = st.sampled_from([f"/p{i}" for i in range(12)])
_hosts = st.sampled_from(["example.org", "EXAMPLE.org", "news.example.org"])


@st.composite
def _url(draw):
    scheme = draw(st.sampled_from(["https", "HTTPS", "http"]))
    slash = draw(st.sampled_from(["", "/"]))
    return f"{scheme}://{draw(_hosts)}{draw(_paths)}{slash}"


@st.composite
def _current(draw):
    """A valid stored sidebar: no two links with the same (normalised) URL, unique ids."""
    urls = draw(st.lists(_url(), max_size=8, unique_by=normalise_url))
    links = []
    for i, url in enumerate(urls):
        links.append(
            LinkSpec(
                title=f"link {i}",
                url=url,
                pinned=draw(st.booleans()),
                source=draw(st.sampled_from(list(LinkSource))),
                id=i + 1,
            )
        )
    return links


_incoming = st.lists(
    st.builds(
        RecentPost,
        title=st.text(min_size=1, max_size=5),
        url=_url(),
        source=st.sampled_from([LinkSource.AUTO, LinkSource.CMS]),
    ),
    max_size=10,
)
_limit = st.integers(min_value=0, max_value=6)


@given(_current(), _incoming, _limit)
def test_a_refresh_never_drops_a_pinned_or_hand_added_link(current, incoming, limit):
    result = merge_links(current, incoming, limit=limit)
    for link in current:
        if link.pinned or link.source == LinkSource.MANUAL:
            assert link in result


@given(_current(), _incoming, _limit)
def test_a_refresh_never_duplicates_a_url(current, incoming, limit):
    result = merge_links(current, incoming, limit=limit)
    keys = [normalise_url(link.url) for link in result]
    assert len(keys) == len(set(keys))


@given(_current(), _incoming, _limit)
def test_kept_links_keep_their_order_and_pinned_ones_their_place(current, incoming, limit):
    result = merge_links(current, incoming, limit=limit)
    kept = [link for link in current if not link.replaceable]
    assert [link for link in result if not link.replaceable] == kept
    # A pinned link never moves down; it moves up only when replaceable links above it
    # had no fresh link to take their slot.
    for index, link in enumerate(current):
        if link.pinned:
            assert result.index(link) <= index or len(result) > len(current)


@given(_current(), _incoming, _limit)
def test_fresh_links_follow_the_incoming_order_and_respect_the_limit(current, incoming, limit):
    result = merge_links(current, incoming, limit=limit)
    fresh = [link for link in result if link.replaceable]
    assert len(fresh) <= limit
    order = []
    for post in incoming:
        key = normalise_url(post.url)
        if key not in order:
            order.append(key)
    positions = [order.index(normalise_url(link.url)) for link in fresh]
    assert positions == sorted(positions)
    assert all(p < limit for p in positions)  # only the newest `limit` posts


@given(_current(), _incoming, _limit)
def test_every_one_of_the_newest_posts_is_listed(current, incoming, limit):
    result = {normalise_url(link.url) for link in merge_links(current, incoming, limit=limit)}
    newest = []
    for post in incoming:
        key = normalise_url(post.url)
        if key not in newest:
            newest.append(key)
    assert set(newest[:limit]) <= result


@settings(max_examples=200)
@given(_current(), _incoming, _limit)
def test_the_same_refresh_twice_changes_nothing(current, incoming, limit):
    once = merge_links(current, incoming, limit=limit)
    # ids as the store would hand them out for new links
    next_id = 1000
    stored = []
    for link in once:
        if link.id is None:
            next_id += 1
            link = LinkSpec(**{**link.__dict__, "id": next_id})
        stored.append(link)
    assert merge_links(stored, incoming, limit=limit) == stored


@given(_current(), st.integers(min_value=1, max_value=12), _url())
def test_a_post_never_lists_itself(current, post_id, own_url):
    links = [*current, LinkSpec("Me", "https://elsewhere.example/x", post_id=post_id)]
    shown = exclude_post(links, post_id=post_id, post_url=own_url)
    assert all(link.post_id != post_id for link in shown)
    assert all(normalise_url(link.url) != normalise_url(own_url) for link in shown)
    assert len(shown) >= len(links) - 1 - sum(
        normalise_url(link.url) == normalise_url(own_url) for link in links
    )


def test_merge_example_pinned_link_holds_its_slot():
    current = [
        LinkSpec("Old A", "https://x.org/a", source=LinkSource.AUTO, id=1),
        LinkSpec("Pinned", "https://x.org/pin", pinned=True, id=2),
        LinkSpec("Old B", "https://x.org/b", source=LinkSource.AUTO, id=3),
    ]
    incoming = [RecentPost("New", "https://x.org/new"), RecentPost("A again", "https://X.org/a/")]
    result = merge_links(current, incoming, limit=2)
    assert [(link.title, link.id) for link in result] == [
        ("New", None),
        ("Pinned", 2),
        ("A again", 1),  # same page as "Old A": keeps its id, takes the fresh title
    ]


def test_recent_from_rows_accepts_cms_rows():
    from datetime import datetime

    rows = [("T", "https://x.org/t", datetime(2026, 11, 1, 9)), ("U", "https://x.org/u", None)]
    posts = recent_from_rows(rows)
    assert posts[0].date == date(2026, 11, 1)
    assert posts[0].source == LinkSource.CMS
    assert posts[1].date is None


@pytest.mark.parametrize(
    ("given_url", "base", "expected"),
    [
        ("https://Example.org/a", "", "https://Example.org/a"),
        ("  http://example.org  ", "", "http://example.org"),
        ("/2026/story", "https://blog.example.org/news/", "https://blog.example.org/2026/story"),
        ("story", "https://blog.example.org/news", "https://blog.example.org/news/story"),
        ("//cdn.example.org/x", "", "https://cdn.example.org/x"),
    ],
)
def test_valid_urls(given_url, base, expected):
    assert validate_url(given_url, base=base) == expected


@pytest.mark.parametrize(
    ("bad", "base", "message"),
    [
        ("javascript:alert(1)", "https://x.org", "only http:// and https://"),
        ("ftp://x.org/file", "", "only http:// and https://"),
        ("mailto:a@x.org", "", "only http:// and https://"),
        ("", "https://x.org", "a URL is required"),
        ("story", "", "relative URL"),
        ("https://", "", "no host name"),
        ("https://x.org/a b", "", "spaces"),
        ("https://x.org:99999/", "", "invalid port"),
    ],
)
def test_invalid_urls_raise_a_clear_input_error(bad, base, message):
    with pytest.raises(InputError, match=message):
        validate_url(bad, base=base)


def test_normalise_url_compares_host_case_and_trailing_slash():
    assert normalise_url("HTTPS://Example.ORG:443/Path/") == normalise_url(
        "https://example.org/Path"
    )
    assert normalise_url("https://x.org/a") != normalise_url("https://x.org/A")
    assert normalise_url("http://x.org/a") != normalise_url("https://x.org/a")

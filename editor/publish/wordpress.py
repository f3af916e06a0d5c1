"""WordPress REST API client (``/wp-json/wp/v2``), Application Password over HTTP Basic.

Byline's post UUID travels in an HTML comment at the top of the content, and a photo's SHA-256
in its media description: stock WordPress 6.1 exposes neither post meta nor file names to REST
search, but ``?search=`` does look into content and descriptions, so a push can always find what
an earlier, interrupted push created.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace
from datetime import UTC
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

import httpx
from slugify import slugify

from editor.publish.base import MediaItem, PhotoUpload, PostFields, RemoteEntry
from editor.publish.errors import (
    AuthError,
    CapabilityError,
    EndpointError,
    MalformedResponse,
    PublishError,
    RemoteNotFound,
    ServerError,
    TooLargeError,
)
from editor.publish.http import HttpClient

ANY_STATUS = "publish,future,draft,pending,private"


class WordPressClient:
    kind = "wordpress"

    def __init__(self, api_url: str, http: HttpClient) -> None:
        self.api_url = (
            api_url if api_url.endswith("/") or "rest_route=" in api_url else api_url + "/"
        )
        self.http = http
        self.resolved_terms: dict[str, int] = {}  # "tags:name" -> id, for the caller to keep
        # Top-level categories looked up or created: name -> (slug, the site's link to its page)
        self.category_links: dict[str, tuple[str, str]] = {}

    def close(self) -> None:
        self.http.close()

    # -- plumbing ------------------------------------------------------------------------------
    def _url(self, route: str) -> str:
        if "rest_route=" in self.api_url:  # sites without pretty permalinks
            return self.api_url.rstrip("/") + quote("/" + route.lstrip("/"), safe="/")
        return self.api_url + route.lstrip("/")

    def _call(self, step: str, method: str, route: str, **kwargs: Any) -> Any:
        response = self.http.request(step, method, self._url(route), **kwargs)
        return parse_response(step, response)

    # -- account -------------------------------------------------------------------------------
    def check_login(self) -> str:
        me = self._call("checking the login", "GET", "wp/v2/users/me", params={"context": "edit"})
        roles = me.get("roles") or []
        return f"{me.get('name') or me.get('slug')}" + (f" ({', '.join(roles)})" if roles else "")

    # -- posts ---------------------------------------------------------------------------------
    def find_post_by_marker(self, marker: str) -> RemoteEntry | None:
        step = "looking for an earlier push"
        try:
            found = self._call(
                step,
                "GET",
                "wp/v2/posts",
                params={
                    "search": marker.split(":")[-1],
                    "status": ANY_STATUS,
                    "context": "edit",
                    "per_page": 20,
                },
            )
        except PublishError as exc:
            # Drafts are listed only to a user who may edit posts; WordPress answers 400, not
            # 401 or 403, so ask who we are to tell a wrong password from a missing right.
            if "status" in exc.detail and "(400)" in exc.detail:
                who = self.check_login()  # raises AuthError for a wrong password
                raise CapabilityError(step, f"{who} may not edit posts on this site") from None
            raise
        for item in _list(found, step):
            if marker in ((item.get("content") or {}).get("raw") or ""):
                return self._entry(item)
        return None

    def create_post(self, fields: PostFields) -> RemoteEntry:
        return self._send_post("creating the post", "wp/v2/posts", fields)

    def update_post(self, remote_id: str, fields: PostFields) -> RemoteEntry:
        return self._send_post("updating the post", f"wp/v2/posts/{remote_id}", fields)

    def _send_post(self, step: str, route: str, fields: PostFields) -> RemoteEntry:
        body = self._post_body(fields)
        item = self._call(step, "POST", route, json=body)
        if fields.term_ids and not _terms_kept(body, item):
            # A remembered term id was deleted on the site (WordPress drops unknown ids
            # silently): look the names up again, creating what is missing, and resend.
            self.resolved_terms.clear()
            item = self._call(
                step, "POST", route, json=self._post_body(replace(fields, term_ids={}))
            )
        return self._entry(item)

    def get_post(self, remote_id: str) -> RemoteEntry:
        item = self._call(
            "reading the post on the site",
            "GET",
            f"wp/v2/posts/{remote_id}",
            params={"context": "edit"},
        )
        return self._entry(item)

    def recent_posts(self, limit: int) -> list[RemoteEntry]:
        items = self._call(
            "reading recent posts",
            "GET",
            "wp/v2/posts",
            params={
                "per_page": max(1, min(limit, 100)),
                "context": "edit",
                "status": ANY_STATUS,
                "_embed": "wp:term",
                "orderby": "date",
                "order": "desc",
            },
        )
        return [self._entry(i) for i in _list(items, "reading recent posts")]

    def _post_body(self, fields: PostFields) -> dict[str, Any]:
        body: dict[str, Any] = {
            "title": fields.title,
            "content": fields.content,
            "excerpt": fields.excerpt,
            "status": fields.status,
            "tags": self.ensure_terms("tags", fields.tags, fields.term_ids),
            "categories": self.ensure_terms("categories", fields.categories, fields.term_ids),
            "featured_media": int(fields.featured_media) if fields.featured_media else 0,
        }
        if fields.slug:
            body["slug"] = fields.slug
        if fields.date is not None:
            body["date_gmt"] = fields.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        return body

    def _entry(self, item: Any) -> RemoteEntry:
        if not isinstance(item, dict) or "id" not in item:
            raise MalformedResponse("reading the post", "the answer has no post id")
        tags: list[str] = []
        categories: list[str] = []
        for group in (item.get("_embedded") or {}).get("wp:term") or []:
            for term in group:
                names = tags if term.get("taxonomy") == "post_tag" else categories
                names.append(html.unescape(term.get("name", "")))
        return RemoteEntry(
            id=str(item["id"]),
            url=item.get("link") or "",
            title=_raw(item.get("title")),
            content=_raw(item.get("content")),
            excerpt=_raw(item.get("excerpt")),
            slug=item.get("slug") or "",
            status=item.get("status") or "",
            modified=item.get("modified_gmt") or "",
            date=item.get("date_gmt") or item.get("date") or "",
            tags=tags,
            categories=categories,
        )

    # -- terms ---------------------------------------------------------------------------------
    def ensure_terms(
        self, taxonomy: str, names: list[str], known: dict[str, int] | None = None
    ) -> list[int]:
        """Ids of the named tags or categories, creating the missing ones."""
        ids = []
        for name in names:
            key = f"{taxonomy}:{name}"
            term_id = (known or {}).get(key) or self._find_or_create_term(taxonomy, name)
            self.resolved_terms[key] = term_id
            ids.append(term_id)
        return ids

    def _find_or_create_term(self, taxonomy: str, name: str) -> int:
        step = f"finding or creating {taxonomy}"
        found = self._call(
            step, "GET", f"wp/v2/{taxonomy}", params={"search": name, "per_page": 100}
        )
        for term in _list(found, step):
            if html.unescape(term.get("name", "")).casefold() == name.casefold():
                return self._term_id(taxonomy, name, term)
        try:
            made = self._call(step, "POST", f"wp/v2/{taxonomy}", json={"name": name})
            return self._term_id(taxonomy, name, made)
        except PublishError as exc:  # created meanwhile by someone else
            term_id = getattr(exc, "term_id", None)
            if term_id is None:
                raise
            return int(term_id)

    def _term_id(self, taxonomy: str, name: str, term: Any) -> int:
        if taxonomy == "categories" and not term.get("parent") and term.get("link"):
            self.category_links[name] = (str(term.get("slug") or ""), str(term["link"]))
        return int(term["id"])

    # -- media ---------------------------------------------------------------------------------
    def find_media(self, marker: str) -> MediaItem | None:
        found = self._call(
            "looking for an uploaded photo",
            "GET",
            "wp/v2/media",
            params={"search": marker.split(":")[-1], "context": "edit", "per_page": 20},
        )
        for item in _list(found, "looking for an uploaded photo"):
            if marker in _raw(item.get("description")):
                return MediaItem(str(item["id"]), item.get("source_url") or "")
        return None

    def upload_media(self, photo: PhotoUpload, marker: str) -> MediaItem:
        name = upload_filename(photo)
        item = self._call(
            f"uploading photo {photo.filename}",
            "POST",
            "wp/v2/media",
            params=_media_fields(photo, marker),
            content=photo.read(),
            headers={
                "Content-Type": photo.mime,
                "Content-Disposition": f'attachment; filename="{name}"',
            },
        )
        if not isinstance(item, dict) or "id" not in item:
            raise MalformedResponse(f"uploading photo {photo.filename}", "no media id in answer")
        return MediaItem(str(item["id"]), item.get("source_url") or "")

    def update_media(self, media_id: str, photo: PhotoUpload, marker: str) -> None:
        self._call(
            f"setting caption and alt text of {photo.filename}",
            "POST",
            f"wp/v2/media/{media_id}",
            json=_media_fields(photo, marker),
        )


def _terms_kept(sent: dict[str, Any], item: Any) -> bool:
    if not isinstance(item, dict):
        return True  # _entry reports a malformed answer
    return all(set(sent[k]) <= set(item.get(k) or []) for k in ("tags", "categories"))


def upload_filename(photo: PhotoUpload) -> str:
    """The photo's name with a hash fragment, so it is recognisable on the site too; ASCII
    only (it travels in an HTTP header: "Zoë Ñandú.jpg" becomes "zoe-nandu-<hash>.jpg")."""
    p = PurePosixPath(photo.filename)
    stem = slugify(p.stem, max_length=80) or "photo"
    suffix = slugify(p.suffix)
    return f"{stem}-{photo.sha256[:12]}.{suffix}" if suffix else f"{stem}-{photo.sha256[:12]}"


def _media_fields(photo: PhotoUpload, marker: str) -> dict[str, str]:
    return {
        "title": photo.title or PurePosixPath(photo.filename).stem,
        "caption": photo.full_caption,
        "alt_text": photo.alt,
        "description": f"{photo.full_caption}\n\n{marker}".strip(),
    }


def _raw(field: Any) -> str:
    if isinstance(field, dict):
        return str(field.get("raw", field.get("rendered", "")) or "")
    return str(field or "")


def _list(data: Any, step: str) -> list[dict[str, Any]]:
    if not isinstance(data, list):
        raise MalformedResponse(step, "expected a list in the answer")
    return [d for d in data if isinstance(d, dict)]


def parse_response(step: str, response: httpx.Response) -> Any:
    """The JSON answer, or the error this answer means, in words a writer can act on."""
    status = response.status_code
    data: Any = None
    text = response.text
    is_html = "html" in response.headers.get("content-type", "") or text.lstrip()[:1] == "<"
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
        data = None
    code = data.get("code", "") if isinstance(data, dict) else ""
    said = (
        f" (WordPress said: {data.get('message')})"
        if isinstance(data, dict) and data.get("message")
        else ""
    )
    if status == 401:
        raise AuthError(step, f"wrong user name or application password{said}")
    if status == 403:
        raise CapabilityError(step, f"this user is not allowed to do that{said}")
    if status == 404:
        if code in ("rest_post_invalid_id", "rest_term_invalid", "rest_invalid_id"):
            raise RemoteNotFound(step, f"it no longer exists on the site{said}")
        raise EndpointError(
            step,
            "no REST API at this address (404): is the REST API disabled, "
            f"or the site URL wrong?{said}",
        )
    if status == 413:
        raise TooLargeError(
            step,
            "the site refused it as too large (413); send a smaller file "
            "or raise the server's upload limit",
        )
    if status >= 500:
        raise ServerError(step, f"the site failed with error {status}{said}")
    if status == 400 and code == "term_exists":
        error = PublishError(step, f"the term exists{said}")
        error.term_id = (data.get("data") or {}).get("term_id")  # type: ignore[attr-defined]
        raise error
    if status >= 400:
        raise PublishError(step, f"the site refused the request ({status}){said}")
    if data is None:
        if is_html:
            raise EndpointError(
                step,
                "the site answered with a web page where the REST API "
                "should answer: is the REST API disabled, or the URL "
                "wrong?",
            )
        raise MalformedResponse(step, "the answer is not valid JSON")
    return data

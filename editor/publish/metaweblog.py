"""MetaWeblog XML-RPC client, using WordPress's ``wp.*`` methods where the server offers them.

Requests are built with ``xmlrpc.client`` and sent through Byline's HTTP layer (same URL policy,
timeouts and errors as REST); answers are parsed with defusedxml's expat parser, so a hostile
server cannot use entity expansion or external entities. Alt text has no field in these APIs:
it is sent in the ``<img alt>`` of the content.
"""

from __future__ import annotations

import xmlrpc.client
from datetime import UTC
from typing import Any

from defusedxml.xmlrpc import DefusedExpatParser

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
from editor.publish.wordpress import upload_filename

BLOG_ID = "1"
SCAN_LIMIT = 50


class MetaWeblogClient:
    kind = "metaweblog"

    def __init__(self, endpoint: str, user: str, password: str, http: HttpClient) -> None:
        self.endpoint = endpoint
        self.user = user
        self._password = password
        self.http = http
        self._methods: set[str] | None = None

    def close(self) -> None:
        self.http.close()

    # -- plumbing ------------------------------------------------------------------------------
    def call(self, step: str, method: str, *params: Any) -> Any:
        body = xmlrpc.client.dumps(params, method, encoding="utf-8", allow_none=False)
        response = self.http.request(
            step,
            "POST",
            self.endpoint,
            content=body.encode("utf-8"),
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )
        status = response.status_code
        if status == 413:
            raise TooLargeError(step, "the site refused it as too large (413)")
        if status >= 500:
            raise ServerError(step, f"the site failed with error {status}")
        if status in (401, 403):
            raise AuthError(step, f"the server refused access ({status})")
        if status == 404 or status == 405:
            raise EndpointError(
                step,
                f"no XML-RPC endpoint at {self.endpoint} ({status}): "
                "is XML-RPC disabled, or the URL wrong?",
            )
        if status >= 400:
            raise PublishError(step, f"the site refused the request ({status})")
        return parse_xmlrpc(step, response.content)

    def _auth(self) -> tuple[str, str, str]:
        return BLOG_ID, self.user, self._password

    def has(self, method: str) -> bool:
        """Whether the server offers ``method`` (asked once; a server without
        system.listMethods is taken to speak plain MetaWeblog). Network errors propagate:
        a cut connection must not make Byline fall back to another API."""
        if self._methods is None:
            try:
                methods = self.call("listing the server's methods", "system.listMethods")
            except PublishError as exc:
                if exc.retryable or isinstance(exc, AuthError):
                    raise
                methods = []
            self._methods = {m for m in methods if isinstance(m, str)}
        return method in self._methods

    # -- account -------------------------------------------------------------------------------
    def check_login(self) -> str:
        step = "checking the login"
        if self.has("wp.getProfile"):
            me = self.call(step, "wp.getProfile", *self._auth())
            return str(me.get("display_name") or me.get("username") or self.user)
        blogs = self.call(step, "blogger.getUsersBlogs", "", self.user, self._password)
        return f"{self.user} ({len(blogs)} blog(s))"

    # -- posts ---------------------------------------------------------------------------------
    def find_post_by_marker(self, marker: str) -> RemoteEntry | None:
        step = "looking for an earlier push"
        if self.has("wp.getPosts"):
            found = self.call(
                step,
                "wp.getPosts",
                *self._auth(),
                {
                    "post_type": "post",
                    "post_status": "any",
                    "number": 20,
                    "s": marker.split(":")[-1],
                },
            )
            for item in found:
                if marker in (item.get("post_content") or ""):
                    return self._wp_entry(item)
            return None
        for entry in self._mw_recent(step, SCAN_LIMIT):
            if marker in entry.content:
                return entry
        return None

    def create_post(self, fields: PostFields) -> RemoteEntry:
        step = "creating the post"
        if self.has("wp.newPost"):
            remote_id = self.call(step, "wp.newPost", *self._auth(), self._wp_struct(fields))
        else:
            remote_id = self.call(
                step,
                "metaWeblog.newPost",
                *self._auth(),
                self._mw_struct(fields),
                fields.status == "publish",
            )
        return self.get_post(str(remote_id))

    def update_post(self, remote_id: str, fields: PostFields) -> RemoteEntry:
        step = "updating the post"
        if self.has("wp.editPost"):
            self.call(step, "wp.editPost", *self._auth(), int(remote_id), self._wp_struct(fields))
        else:
            self.call(
                step,
                "metaWeblog.editPost",
                remote_id,
                self.user,
                self._password,
                self._mw_struct(fields),
                fields.status == "publish",
            )
        return self.get_post(remote_id)

    def get_post(self, remote_id: str) -> RemoteEntry:
        step = "reading the post on the site"
        if self.has("wp.getPost"):
            return self._wp_entry(self.call(step, "wp.getPost", *self._auth(), int(remote_id)))
        item = self.call(step, "metaWeblog.getPost", remote_id, self.user, self._password)
        return self._mw_entry(item)

    def recent_posts(self, limit: int) -> list[RemoteEntry]:
        step = "reading recent posts"
        if self.has("wp.getPosts"):
            items = self.call(
                step,
                "wp.getPosts",
                *self._auth(),
                {
                    "post_type": "post",
                    "post_status": "any",
                    "number": limit,
                    "orderby": "post_date",
                    "order": "DESC",
                },
            )
            return [self._wp_entry(i) for i in items]
        return self._mw_recent(step, limit)

    def _mw_recent(self, step: str, limit: int) -> list[RemoteEntry]:
        items = self.call(step, "metaWeblog.getRecentPosts", *self._auth(), limit)
        return [self._mw_entry(i) for i in items]

    def _wp_struct(self, fields: PostFields) -> dict[str, Any]:
        struct: dict[str, Any] = {
            "post_type": "post",
            "post_status": fields.status,
            "post_title": fields.title,
            "post_content": fields.content,
            "post_excerpt": fields.excerpt,
            "terms_names": {"post_tag": fields.tags, "category": fields.categories},
            "post_thumbnail": int(fields.featured_media) if fields.featured_media else "",
        }
        if not fields.tags or not fields.categories:  # an empty list would be ignored: clear
            struct["terms"] = {
                k: []
                for k, v in (("post_tag", fields.tags), ("category", fields.categories))
                if not v
            }
        if fields.slug:
            struct["post_name"] = fields.slug
        if fields.date is not None:
            struct["post_date_gmt"] = xmlrpc.client.DateTime(fields.date.astimezone(UTC))
        return struct

    def _mw_struct(self, fields: PostFields) -> dict[str, Any]:
        struct: dict[str, Any] = {
            "title": fields.title,
            "description": fields.content,
            "mt_excerpt": fields.excerpt,
            "mt_keywords": ",".join(fields.tags),  # always sent: omitting it clears the tags
            "categories": fields.categories,
            "post_status": fields.status,
        }
        if fields.slug:
            struct["wp_slug"] = fields.slug
        if fields.date is not None:
            struct["dateCreated"] = xmlrpc.client.DateTime(fields.date.astimezone(UTC))
        if fields.featured_media:
            struct["wp_post_thumbnail"] = int(fields.featured_media)
        return struct

    def _wp_entry(self, item: Any) -> RemoteEntry:
        if not isinstance(item, dict) or "post_id" not in item:
            raise MalformedResponse("reading the post", "the answer has no post_id")
        terms = item.get("terms") or []
        return RemoteEntry(
            id=str(item["post_id"]),
            url=item.get("link") or "",
            title=item.get("post_title") or "",
            content=item.get("post_content") or "",
            excerpt=item.get("post_excerpt") or "",
            slug=item.get("post_name") or "",
            status=item.get("post_status") or "",
            modified=_iso(item.get("post_modified_gmt")),
            date=_iso(item.get("post_date_gmt")),
            tags=[t["name"] for t in terms if t.get("taxonomy") == "post_tag"],
            categories=[t["name"] for t in terms if t.get("taxonomy") == "category"],
        )

    def _mw_entry(self, item: Any) -> RemoteEntry:
        if not isinstance(item, dict) or "postid" not in item:
            raise MalformedResponse("reading the post", "the answer has no postid")
        keywords = item.get("mt_keywords") or ""
        return RemoteEntry(
            id=str(item["postid"]),
            url=item.get("permaLink") or item.get("link") or "",
            title=item.get("title") or "",
            content=item.get("description") or "",
            excerpt=item.get("mt_excerpt") or "",
            slug=item.get("wp_slug") or "",
            status=item.get("post_status") or "",
            modified=_iso(item.get("date_modified_gmt") or item.get("date_modified")),
            date=_iso(item.get("date_created_gmt") or item.get("dateCreated")),
            tags=[k.strip() for k in keywords.split(",") if k.strip()],
            categories=list(item.get("categories") or []),
        )

    # -- media ---------------------------------------------------------------------------------
    def find_media(self, marker: str) -> MediaItem | None:
        if not self.has("wp.getMediaLibrary"):
            return None  # plain MetaWeblog cannot list media: Byline's own record is the guard
        sha = marker.split(":")[-1]
        items = self.call(
            "looking for an uploaded photo",
            "wp.getMediaLibrary",
            *self._auth(),
            {"number": 200, "mime_type": "image"},
        )
        for item in items:
            if marker in (item.get("description") or "") or sha[:12] in (item.get("link") or ""):
                return MediaItem(str(item.get("attachment_id")), item.get("link") or "")
        return None

    def upload_media(self, photo: PhotoUpload, marker: str) -> MediaItem:
        step = f"uploading photo {photo.filename}"
        data = {
            "name": upload_filename(photo),
            "type": photo.mime,
            "bits": xmlrpc.client.Binary(photo.read()),
        }
        method = "wp.uploadFile" if self.has("wp.uploadFile") else "metaWeblog.newMediaObject"
        result = self.call(step, method, *self._auth(), data)
        if not isinstance(result, dict) or not result.get("url"):
            raise MalformedResponse(step, "no URL in the answer")
        media = MediaItem(str(result.get("id") or result.get("attachment_id") or ""), result["url"])
        if media.id:
            self.update_media(media.id, photo, marker)
        return media

    def update_media(self, media_id: str, photo: PhotoUpload, marker: str) -> None:
        if not self.has("wp.editPost") or not media_id:
            return
        self.call(
            f"setting the caption of {photo.filename}",
            "wp.editPost",
            *self._auth(),
            int(media_id),
            {
                "post_title": photo.title or photo.filename,
                "post_excerpt": photo.full_caption,
                "post_content": f"{photo.full_caption}\n\n{marker}".strip(),
            },
        )


def parse_xmlrpc(step: str, content: bytes) -> Any:
    """One method response, parsed by defusedxml; faults become errors naming the step."""
    unmarshaller = xmlrpc.client.Unmarshaller(use_builtin_types=True)
    parser = DefusedExpatParser(unmarshaller)
    try:
        parser.feed(content)
        parser.close()
        result = unmarshaller.close()
    except xmlrpc.client.Fault as fault:
        raise _fault_error(step, fault) from None
    except Exception as exc:
        if content.lstrip()[:1] == b"<" and b"<html" in content[:2000].lower():
            raise EndpointError(
                step,
                "the site answered with a web page where XML-RPC should "
                "answer: is XML-RPC disabled, or the URL wrong?",
            ) from None
        raise MalformedResponse(step, f"the answer is not valid XML-RPC ({exc})") from None
    if not isinstance(result, tuple) or len(result) != 1:
        raise MalformedResponse(step, "the answer holds no single value")
    return result[0]


def _fault_error(step: str, fault: xmlrpc.client.Fault) -> PublishError:
    said = f"(server said: {fault.faultString})"
    if fault.faultCode == 403:
        return AuthError(step, f"wrong user name or password {said}")
    if fault.faultCode == 401:
        return CapabilityError(step, f"this user is not allowed to do that {said}")
    if fault.faultCode == 404:
        return RemoteNotFound(step, f"it no longer exists on the site {said}")
    if fault.faultCode >= 500:
        return ServerError(step, f"the site failed {said}")
    return PublishError(step, f"fault {fault.faultCode} {said}")


def _iso(value: Any) -> str:
    if value is None or value == "":
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    if len(text) == 17 and "T" in text:  # xmlrpc DateTime 20261128T10:15:00
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}{text[8:]}"
    return text

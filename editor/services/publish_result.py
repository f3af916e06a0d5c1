"""What a push reports (:class:`PushResult`), and the timing wrapper that lists its calls."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from editor.publish.base import TargetClient
from editor.services.publish_checks import CheckReport

if TYPE_CHECKING:
    from editor.services.publish_status import Followed

Progress = Callable[[str], None]


@dataclass
class PushResult:
    post_id: int
    target: str
    action: str  # create | update | dry-run
    status: str
    remote_id: str = ""
    url: str = ""
    checks: CheckReport = field(default_factory=CheckReport)
    uploaded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    would_send: dict[str, Any] = field(default_factory=dict)
    calls: list[tuple[str, float]] = field(default_factory=list)
    followed: Followed | None = None  # what the push did to the local status

    @property
    def link_verb(self) -> str:
        """What the window says before the post's link ("Scheduled:" also when WordPress's
        MetaWeblog API calls a scheduled post "publish")."""
        followed = self.followed
        if self.status == "future" or (followed is not None and followed.after == "scheduled"):
            return "Scheduled:"
        return "Published at" if self.status == "publish" else f"Sent ({self.status}):"

    def to_json(self) -> dict[str, Any]:
        return {
            "post_id": self.post_id,
            "target": self.target,
            "action": self.action,
            "status": self.status,
            "remote_id": self.remote_id,
            "url": self.url,
            "errors": self.checks.errors,
            "warnings": self.checks.warnings,
            "uploaded": self.uploaded,
            "reused": self.reused,
            "calls": [{"call": c, "seconds": round(s, 4)} for c, s in self.calls],
            **({"would_send": self.would_send} if self.would_send else {}),
            **_local_status(self.followed),
        }


def _local_status(f: Followed | None) -> dict[str, Any]:
    """The local post's status after the push (only when the site's status can move it)."""
    if f is None:
        return {}
    out: dict[str, Any] = {"local_status": f.after, "local_status_before": f.before}
    return out | ({"local_status_problem": f.problem} if f.problem else {})


class Timed:
    """Wraps a client so each network call is timed and listed (benchmark, --json)."""

    def __init__(self, client: TargetClient, calls: list[tuple[str, float]]) -> None:
        self._client, self._calls = client, calls

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if not callable(attr) or name in ("close",):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self._calls.append((name, time.perf_counter() - start))

        return timed

"""Who did something: the person at this install (``user.name`` / ``user.email``) and the zone
their times are shown in. Stored beside every revision, status change and comment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Person:
    """A name and an e-mail (either may be empty: rows from before people were recorded have
    neither) and the IANA zone their times are displayed in."""

    name: str = ""
    email: str = ""
    zone: str = ""

    @property
    def known(self) -> bool:
        return bool(self.name or self.email)

    @property
    def label(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or (f"<{self.email}>" if self.email else "unknown")

    @property
    def short(self) -> str:
        """The name alone, for a crowded list ("unknown" when nobody was recorded)."""
        return self.name or self.email or "unknown"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "zone": self.zone}


def author_of(session: Any) -> Person:
    """The person a store session acts for (see ``Store.whoami``); unknown when none is set."""
    found = session.info.get("author")
    return found if isinstance(found, Person) else Person(zone=local_zone())


def local_zone() -> str:
    """This machine's IANA zone name ("UTC" when it cannot be told)."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if (tz and "/" in tz) or tz == "UTC":
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"

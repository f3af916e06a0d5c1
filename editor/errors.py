"""Errors the user can act on. Each carries the exit code the CLI returns for it."""

from __future__ import annotations


class BylineError(Exception):
    """An operation failed (exit code 1). The message is shown to the user as it is."""

    exit_code = 1


class InputError(BylineError):
    """The user's input is wrong (exit code 2): a bad file, field, argument or reference."""

    exit_code = 2


class NotFoundError(InputError):
    """A post, blog or revision named by the user does not exist."""


class StoreError(BylineError):
    """The database cannot be opened or used as it is; it was left untouched."""


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a database opened read-only."""


class ConflictError(BylineError):
    """A save was based on a version of the post that someone else has since replaced.

    ``current_version`` is the version now stored; the caller decides whose text wins.
    """

    def __init__(self, post_id: int, expected_version: int, current_version: int) -> None:
        super().__init__(
            f"Post {post_id} was changed elsewhere (you edited version {expected_version}, "
            f"it is now at version {current_version})."
        )
        self.post_id = post_id
        self.expected_version = expected_version
        self.current_version = current_version


class PermissionDeniedError(BylineError):
    """The newsroom's rules (PostgreSQL row-level security) do not let this person do that."""

    @classmethod
    def from_database(cls, role: str, detail: str) -> PermissionDeniedError:
        """PostgreSQL's own refusal (row-level security or a missing grant), said in words."""
        who = f" ({role})" if role else ""
        if "row-level security" in detail:
            return cls(
                f"The newsroom database refused the change{who}: writers change only their "
                "own drafts; only the blog's editors approve, schedule, publish or delete a "
                "post, or change it once it is submitted."
            )
        return cls(
            f"The newsroom database refused the change{who}: {detail}. Ask the newsroom's "
            "administrator to add you (byline newsroom add-person)."
        )


class LeaseHeldError(BylineError):
    """Someone else has the post open for writing (a live edit lease)."""


class LeaseLostError(LeaseHeldError):
    """A window's save found its lease taken over; its text was kept as a revision instead.

    ``holder`` is who has the post now (as people know them).
    """

    def __init__(self, post_id: int, holder: str) -> None:
        super().__init__(
            f"{holder} took over post {post_id}; your unsaved text is kept in its history."
        )
        self.post_id = post_id
        self.holder = holder

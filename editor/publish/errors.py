"""Publishing errors. Each names the step that failed and says whether trying again may help."""

from __future__ import annotations

from editor.errors import BylineError, InputError


class PublishError(BylineError):
    """A call to a target failed. ``retryable`` errors (network, 5xx) go to the outbox."""

    retryable = False

    def __init__(self, step: str, message: str) -> None:
        super().__init__(f"{step}: {message}")
        self.step = step
        self.detail = message


class AuthError(PublishError):
    """Wrong user name or password (HTTP 401, XML-RPC fault 403)."""


class CapabilityError(PublishError):
    """The user is known but may not do this (HTTP 403)."""


class EndpointError(PublishError):
    """No API where one was expected: REST disabled, a wrong URL, HTML instead of JSON."""


class RemoteNotFound(PublishError):
    """The post or media item no longer exists on the site."""


class TooLargeError(PublishError):
    """The site refused the payload as too large (HTTP 413)."""


class MalformedResponse(PublishError):
    """The site answered something that is not the API's answer."""


class TLSFailure(PublishError):
    """The certificate check failed. It is never switched off silently."""


class ServerError(PublishError):
    """The site failed (5xx). Worth retrying later."""

    retryable = True


class NetworkError(PublishError):
    """No answer: connection refused or cut, timeout. Worth retrying later."""

    retryable = True


class RemoteConflict(PublishError):
    """The post was changed on the site since Byline's last push."""


class InsecureURLError(InputError):
    """Plain http to a host other than this machine, without the target's opt-in."""

"""Errors the core raises for bad input; the CLI maps each class to an exit code."""

from __future__ import annotations


class KgError(Exception):
    """A user-facing error: what went wrong and where (file:line:column, query name, option)."""

    exit_code = 2

    def __init__(self, what: str, where: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.where = where

    def __str__(self) -> str:
        return f"{self.what} ({self.where})" if self.where else self.what


class InputError(KgError):
    """Malformed graph file, unknown saved query, bad parameter or option value (exit 2)."""

    exit_code = 2


class InconsistentGraphError(KgError):
    """The graph is logically inconsistent after reasoning, so answers would be meaningless (exit 1)."""

    exit_code = 1


class QueryLimitError(KgError):
    """Work ran longer than its timeout, needed more memory than its limit, or returned more results than the
    cap (exit 4)."""

    exit_code = 4


class StoppedError(KgError):
    """The user stopped the command (Ctrl-C, SIGTERM) (exit 130, as a shell reports SIGINT)."""

    exit_code = 130


class ServiceError(KgError):
    """``kg serve`` could not run its SPARQL server: Oxigraph missing, or it failed to load or start (exit 3)."""

    exit_code = 3


class RemoteError(KgError):
    """A remote store or SPARQL endpoint is unreachable, too slow, refuses the request or answers garbage (exit 3)."""

    exit_code = 3

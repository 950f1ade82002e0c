"""One exception tree. The library raises these; the CLI and HTTP layers translate them.

Every message says what went wrong, where (file, line, parameter), and what to do next.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    http_status = 500

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(NewsgraphError):
    """Bad input from the user: a file, a manifest, an article."""

    http_status = 400


class ManifestError(InputError):
    """manifest.json is not what newsgraph can read."""


class ArticleError(InputError):
    """One article could not be read or yielded nothing."""


class QueryDefinitionError(NewsgraphError):
    """A saved query's .rq file or its #+ header is malformed (stops start-up)."""


class UnknownQueryError(NewsgraphError):
    """No saved query has that name."""

    http_status = 404


class NotFoundError(NewsgraphError):
    """No article, person or organization has that id."""

    http_status = 404


class ParameterError(NewsgraphError):
    """A saved-query parameter is missing, unknown or of the wrong type."""

    http_status = 422


class QueryError(NewsgraphError):
    """A SPARQL query could not be parsed or evaluated."""

    http_status = 400


class ForbiddenQueryError(QueryError):
    """The query asks for something the read-only endpoint refuses (update, SERVICE, LOAD)."""

    http_status = 403


class StoreError(NewsgraphError):
    """The store could not be opened or written."""

    http_status = 503


class FormatError(NewsgraphError):
    """A result or export format newsgraph cannot produce for this kind of query."""

    http_status = 406


class ReasonerError(NewsgraphError):
    """The OWL reasoner (HermiT, through owlready2) could not run."""

    http_status = 503


class QueryLimitError(NewsgraphError):
    """A query went over a limit (deadline, memory) and was stopped; its worker was replaced."""

    http_status = 503


class QueryTimeoutError(QueryLimitError):
    """A query ran past its deadline and was stopped."""

    http_status = 504


class BusyError(QueryLimitError):
    """Every query worker stayed busy; the client should retry later."""

    retry_after = 2


class QueryTooLargeError(QueryError):
    """A query's text is longer than the endpoint reads (8 KiB by GET, 64 KiB by POST)."""

    http_status = 413


class RateLimitError(NewsgraphError):
    """A client sent more requests than its share; `retry_after` says when to come back."""

    http_status = 429

    def __init__(self, message: str, *, hint: str = "", retry_after: int = 1) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after

"""schemathesis over the OpenAPI document: no generated request gets a 5xx."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from newsgraph.http import create_app


def test_no_generated_request_is_a_server_error(seeded) -> None:
    app = create_app(seeded)
    try:
        check_every_operation(schemathesis.openapi.from_asgi("/openapi.json", app))
    finally:
        app.state.runner.close()


def check_every_operation(schema) -> None:
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 10  # the SPARQL routes and one per saved query

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def call(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()

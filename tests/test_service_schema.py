"""Schemathesis over the OpenAPI schema: generated requests to every documented operation, as an
administrator (who sees everything) on a service holding one reviewed package, never get a 5xx.

Driven through Hypothesis directly (one strategy per operation) rather than schemathesis's pytest
plugin, which does not run under this pytest."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from service_support import make_service


def test_no_operation_answers_a_server_error(tmp_path, sample_package):
    svc = make_service(tmp_path)
    try:
        svc.upload("admin", sorted(sample_package.docx.values()))
        schema = schemathesis.openapi.from_asgi("/openapi.json", svc.client.app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 12
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def run(case):
                case.call_and_validate(headers=svc.auth("admin"), checks=[not_a_server_error])

            run()
    finally:
        svc.client.__exit__(None, None, None)

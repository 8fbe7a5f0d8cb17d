"""The OpenAPI document matches what the server does (schemathesis), and it leaks nothing.

Schemathesis generates requests from /api/openapi.json - valid and invalid ones - and checks every
response against the document: no 5xx, documented status codes and content types, bodies matching
their schemas, invalid input rejected.  Few examples per operation, so it stays CI-fast.
"""
from __future__ import annotations

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.conftest import LiveServer


def test_api_matches_its_openapi_document(web_server: LiveServer):
    # (schemathesis' pytest plugin does not work with this pytest; hypothesis drives it directly)
    schema = schemathesis.openapi.from_url(web_server.url + "/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/ask", "/api/search", "/api/entities", "/sparql"}
    for op in operations:
        # A SPARQL query string can be any text to a schema, but only valid SPARQL is accepted: the
        # "schema-valid input must be accepted" check cannot apply to /sparql.
        excluded = [positive_data_acceptance] if op.path == "/sparql" else []

        @given(case=op.as_strategy())
        @settings(max_examples=12, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(base_url=web_server.url, timeout=60, excluded_checks=excluded)

        check()


def test_openapi_servers_is_relative_and_ignores_the_host_header(web_server):
    doc = requests.get(web_server.url + "/api/openapi.json", headers={"Host": "evil.example"}, timeout=10).json()
    assert doc["servers"] == [{"url": "/"}]
    assert "evil.example" not in str(doc)



def test_an_answer_read_from_a_sentence_is_documented_with_a_null_iri(web_server):
    """A figure read from a sentence has no graph entity, so its ``iri`` is null: the document must
    allow it (schemathesis found a random question answered that way against a string-only iri)."""
    doc = requests.get(web_server.url + "/api/openapi.json", timeout=10).json()
    item = doc["components"]["schemas"]["Answer"]["properties"]["answers"]["items"]["properties"]
    assert "null" in item["iri"]["type"] and "string" in item["iri"]["type"]
    # the engine does give such answers: a figure the graph holds as a table cell or a sentence
    got = []
    for q in ("How many members does the network have?", "What is the monthly allowance in US dollars?",
              "In which city was the conference held?"):
        body = requests.get(web_server.url + "/api/ask", params={"q": q}, timeout=60).json()
        got += [a for a in body["answers"] if a.get("iri") is None]
    assert got, "no answer without a graph entity: the null case is not exercised"

"""glossa's HTTP API with the standard library only (urllib).

    python3 glossa_http.py BASE_URL TEXT     # e.g. http://localhost:8080; prints the result as JSON

One round trip: POST /api/v1/texts?wait=10s answers 200 with the result when it is ready within the wait, else 202
with the id, which GET /api/v1/texts/{id}?wait= then long-polls. An Idempotency-Key makes the POST safe to retry.
Set GLOSSA_API_KEY when the server requires keys.
"""
import json
import os
import sys
import urllib.error
import urllib.request
import uuid


class GlossaError(Exception):
    """A problem+json answer: .status and .problem (the parsed body) say what to fix."""

    def __init__(self, status, problem):
        super().__init__("%s %s: %s" % (status, problem.get("title"), problem.get("detail")))
        self.status = status
        self.problem = problem


def _request(method, url, body=None, headers=None):
    headers = dict(headers or {})
    if os.environ.get("GLOSSA_API_KEY"):
        headers["Authorization"] = "Bearer " + os.environ["GLOSSA_API_KEY"]
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=70) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        raise GlossaError(e.code, json.loads(e.read() or b"{}")) from None


def submit(base, text, languages=None, top=None, wait="10s", idempotency_key=None):
    """Submits a text; returns (status, body): 200 and the result, or 202 and {"id", ...} if not ready in time."""
    body = {"text": text}
    if languages:
        body["languages"] = list(languages)
    if top:
        body["top"] = top
    key = idempotency_key or str(uuid.uuid4())  # the same key on a retry: the same text, never a second one
    return _request("POST", "%s/api/v1/texts?wait=%s" % (base, wait), body, {"Idempotency-Key": key})


def result(base, text_id, wait="30s"):
    """The text's record, waiting up to `wait` while it is pending."""
    return _request("GET", "%s/api/v1/texts/%s?wait=%s" % (base, text_id, wait))[1]


def predict(base, text, **options):
    """Submit and wait: the finished record (status done or failed)."""
    status, body = submit(base, text, **options)
    while body.get("status") == "pending":
        body = result(base, body["id"])
    return body


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        print(json.dumps(predict(argv[0].rstrip("/"), " ".join(argv[1:])), ensure_ascii=False))
    except GlossaError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

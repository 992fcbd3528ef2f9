"""A tiny threaded HTTP server: one per origin, each handing requests to a site object whose
`handle(request)` returns a Response."""

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_BODY = 1024 * 1024


class Request:
    """One received request: method, raw target, path, query (first values), headers, body."""

    def __init__(self, method, target, headers, body):
        self.method, self.target, self.headers, self.body = method, target, headers, body
        parts = urlsplit(target)
        self.path = parts.path
        self.query = {k: v[0] for k, v in parse_qs(parts.query).items()}

    def header(self, name):
        """A request header by name."""
        return self.headers.get(name)

    def form(self):
        """The body as a urlencoded form (first values)."""
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8", "replace")).items()}

    def json(self):
        return json.loads(self.body or b"{}")


class Response:
    """Status, body, content type and extra headers."""

    def __init__(self, status=200, body=b"", content_type="text/plain; charset=utf-8", headers=None):
        self.status, self.content_type, self.headers = status, content_type, dict(headers or {})
        self.body = body.encode() if isinstance(body, str) else body

    @staticmethod
    def json(value, status=200, content_type="application/json"):
        return Response(status, json.dumps(value, indent=1), content_type)

    @staticmethod
    def html(title, body, status=200):
        """A minimal HTML page."""
        page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head>"
                "<body>%s</body></html>") % (html.escape(title), body)
        return Response(status, page, "text/html; charset=utf-8")

    @staticmethod
    def redirect(location, status=303):
        """A 303 (or other) redirect."""
        return Response(status, "", headers={"Location": location})


def serve(bind, site, name):
    """Starts a server on `host:port` in a daemon thread; returns the server."""
    host, port = bind.rsplit(":", 1)

    class Handler(BaseHTTPRequestHandler):
        """Hands every request to the site."""
        server_version = name
        protocol_version = "HTTP/1.1"

        def _any(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(Response(413, "too large"))
                return
            body = self.rfile.read(length) if length else b""
            request = Request(self.command, self.path, {k: v for k, v in self.headers.items()}, body)
            try:
                response = site.handle(request)
            except Exception as error:  # a peer bug must show as a 500 in the cart's ledger and our log
                site.log_error(request, error)
                response = Response(500, "peer error: %s" % error)
            self._send(response)

        def _send(self, response):
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for key, value in response.headers.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _any

        def log_message(self, fmt, *args):
            site.access_log("%s %s" % (self.address_string(), fmt % args))

    server = ThreadingHTTPServer((host, int(port)), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=name, daemon=True).start()
    return server

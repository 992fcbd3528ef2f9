#!/usr/bin/env python3
"""Proves the page checks can fail: a loopback page with an unlabelled input, a link to a 404,
a link to a 500 and a page answering 500 must each be reported, and the well-formed parts
(labelled controls, a good link) must not. Exit 0 only if exactly the planted problems are found."""

import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checks import PageChecker  # noqa: E402
from driver import make_driver  # noqa: E402

PAGE = """<!doctype html><html lang="en"><head><title>planted</title></head><body>
<a href="/fine">fine</a> <a href="/missing">missing</a> <a href="/broken">broken</a> <a href="#top">fragment</a>
<form><label for="a">A</label><input id="a" name="a"><label>B <input name="b"></label>
<input aria-label="C" name="c"><input type="hidden" name="d"><input name="unlabelled-one">
<select name="unlabelled-two"><option>x</option></select><button type="submit">Go</button></form></body></html>"""


class Planted(BaseHTTPRequestHandler):
    """A page server with planted problems."""

    def do_GET(self):
        status = {"/": 200, "/fine": 200, "/missing": 404, "/broken": 500, "/fails": 500}.get(self.path, 404)
        body = (PAGE if self.path == "/" else "<!doctype html><title>x</title>").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    """Checks a planted page; exit status says whether every problem was found."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Planted)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = "http://127.0.0.1:%d" % server.server_address[1]
    driver = make_driver(tempfile.mkdtemp(prefix="e2e-selftest-"))
    try:
        checker = PageChecker(driver, lambda text: None)
        driver.get(origin + "/")
        checker.check("planted")
        driver.get(origin + "/fails")
        checker.check("fails")
    finally:
        driver.quit()
        server.shutdown()
    found = "\n".join(checker.problems)
    expected = ["unlabelled-one", "unlabelled-two", origin + "/missing answered 404", origin + "/broken answered 500",
                origin + "/fails answered 500"]
    missing = [needle for needle in expected if needle not in found]
    ok = not missing and len(checker.problems) == len(expected)
    print("CHECKS SELFTEST %s: %d problems found%s" % ("PASSED" if ok else "FAILED", len(checker.problems),
                                                       "" if not missing else "; not found: %s" % missing))
    for problem in checker.problems:
        print("  " + problem)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

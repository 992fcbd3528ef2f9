"""Checks run on every page the browser visits: the page and its redirects answered without
4xx/5xx (from Chromium's network log), every form control has a label, and every link's href
answers without 4xx/5xx when fetched with the browser's cookies for that host."""

import json
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

UNLABELLED_JS = """
const bad = [];
for (const el of document.querySelectorAll('input, select, textarea, button')) {
  const type = (el.getAttribute('type') || '').toLowerCase();
  if (el.tagName === 'INPUT' && ['hidden'].includes(type)) continue;
  let name = (el.getAttribute('aria-label') || '').trim();
  if (!name && el.getAttribute('aria-labelledby')) {
    name = el.getAttribute('aria-labelledby').split(/\\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
  }
  if (!name && el.id) {
    for (const label of document.querySelectorAll('label[for]')) if (label.htmlFor === el.id) name += label.textContent.trim();
  }
  if (!name && el.closest('label')) name = el.closest('label').textContent.trim();
  if (!name && (el.tagName === 'BUTTON' || ['submit', 'button', 'reset'].includes(type))) name = (el.textContent || el.value || '').trim();
  if (!name) bad.push(el.outerHTML.slice(0, 160));
}
return bad;
"""


class PageChecker:
    """Remembers cookies per host (from the browser), which links were already fetched, and
    every problem found; `problems` empty at the end means the journey's pages passed."""

    def __init__(self, driver, log):
        self.driver, self.log = driver, log
        self.cookies = {}
        self.checked_links = {}
        self.problems = []
        self.statuses = []

    def fail(self, step, text):
        """Records one problem."""
        self.problems.append("%s: %s" % (step, text))
        self.log("PROBLEM %s: %s" % (step, text))

    def remember_cookies(self):
        """Keeps the current host's browser cookies for link fetches."""
        host = urlsplit(self.driver.current_url).hostname
        if host:
            self.cookies[host] = {c["name"]: c["value"] for c in self.driver.get_cookies()}

    def network_statuses(self, step):
        """Document responses (and redirects) since the last call; 4xx/5xx documents and any 5xx fail."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            response = None
            if message.get("method") == "Network.responseReceived":
                response, kind = params.get("response", {}), params.get("type")
            elif message.get("method") == "Network.requestWillBeSent" and params.get("redirectResponse"):
                response, kind = params["redirectResponse"], "Document" if params.get("type") == "Document" else params.get("type")
            if not response:
                continue
            status, url = int(response.get("status", 0)), response.get("url", "")
            self.statuses.append({"step": step, "url": url, "status": status, "type": kind})
            if status >= 500 or (kind == "Document" and status >= 400):
                self.fail(step, "%s answered %d" % (url, status))

    def labels(self, step):
        """Every form control has an accessible name."""
        for control in self.driver.execute_script(UNLABELLED_JS):
            self.fail(step, "form control without a label: %s" % control)

    def links(self, step):
        """Every link on the page answers below 400."""
        hrefs = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);")
        for href in hrefs:
            url = urljoin(self.driver.current_url, href).split("#", 1)[0]
            if not url.startswith(("http://", "https://")) or url in self.checked_links:
                continue
            status = self.fetch(url)
            self.checked_links[url] = status
            if status is None or status >= 400:
                self.fail(step, "link %s answered %s" % (url, status))

    def fetch(self, url, hops=5):
        """GET with the host's browser cookies, following redirects by hand so each hop gets
        only its own host's cookies."""
        for _ in range(hops):
            host = urlsplit(url).hostname
            cookie = "; ".join("%s=%s" % item for item in self.cookies.get(host, {}).items())
            request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
            opener = urllib.request.build_opener(NoRedirect)
            try:
                with opener.open(request, timeout=15) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                if error.code in (301, 302, 303, 307, 308) and error.headers.get("Location"):
                    url = urljoin(url, error.headers["Location"])
                    continue
                return error.code
            except (urllib.error.URLError, OSError):
                return None
        return None

    def check(self, step):
        """All checks of the current page."""
        self.remember_cookies()
        self.network_statuses(step)
        self.labels(step)
        self.links(step)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Lets redirects surface as HTTPError so each hop gets its own cookies."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None

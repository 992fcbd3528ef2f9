"""JSON-lines records of what each peer received and sent (the run script asserts on them)."""

import datetime
import json
import threading


def stamp():
    """Now, ISO 8601 UTC with milliseconds."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Recorder:
    """Appends one JSON object per line to a file and keeps them in memory for /_control/log."""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self.lines = []
        open(path, "a").close()

    def add(self, **fields):
        """Appends one record (with `at`)."""
        line = {"at": stamp()}
        line.update(fields)
        with self._lock:
            self.lines.append(line)
            with open(self.path, "a") as handle:
                handle.write(json.dumps(line) + "\n")
        return line

    def all(self):
        """Every record so far."""
        with self._lock:
            return list(self.lines)

#!/usr/bin/env python3
"""Alertmanager's webhook receiver for the end-to-end suite: appends each notification to FILE as one JSON
line {"receiver": <path without the slash>, "receivedAt": <unix seconds>, "status": ..., "alerts": [...]}.

    alert-sink.py PORT FILE
"""
import http.server
import json
import sys
import time

port, path = int(sys.argv[1]), sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        line = {"receiver": self.path.lstrip("/"), "receivedAt": time.time(), "status": body.get("status"),
                "alerts": [{"status": a.get("status"), "labels": a.get("labels", {})} for a in body.get("alerts", [])]}
        with open(path, "a") as f:
            f.write(json.dumps(line) + "\n")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

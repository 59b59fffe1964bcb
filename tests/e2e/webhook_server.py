"""A stand-in for a chat platform's webhook, on 127.0.0.1, for contrib/deliver-webhook.

Usage: webhook_server.py DIR. Listens on a free port and writes it to DIR/port; answers
each POST with the status in DIR/status (200 when missing) and appends the request to
DIR/requests.jsonl as {"path", "authorization", "content_type", "body"}. Stops on SIGTERM.
"""

import http.server
import json
import pathlib
import sys


def main() -> None:
    folder = pathlib.Path(sys.argv[1])

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8")
            record = {
                "path": self.path,
                "authorization": self.headers.get("Authorization"),
                "content_type": self.headers.get("Content-Type"),
                "body": json.loads(body),
            }
            with (folder / "requests.jsonl").open("a", encoding="utf-8") as log:
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
            status_file = folder / "status"
            status = int(status_file.read_text()) if status_file.exists() else 200
            answer = b'{"ok":true}' if status < 300 else b'{"error":"not now"}'
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    (folder / "port.tmp").write_text(str(server.server_address[1]))
    (folder / "port.tmp").rename(folder / "port")
    server.serve_forever()


if __name__ == "__main__":
    main()

# A stand-in for one replica of a service behind the gateway: answers every GET with 200 and its own name, and
# /health/serving with 200; X-Received-Path says which path reached it. A real process on a real port, so a test can kill it with SIGKILL and start it again.
import http.server, sys

name, port = sys.argv[1], int(sys.argv[2])

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = (b"ok" if self.path.startswith("/health/") else name.encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-Received-Path", self.path)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer.allow_reuse_address = True
http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

"""Network fixtures for the mirror and proxy tests: a tiny forwarding HTTP proxy that records
every URL it fetches, and an HTTPS static server with a private CA made by openssl at test
time. Both bind 127.0.0.1 on an ephemeral port, run in this process and stop deterministically."""
import base64
import functools
import http.server
import os
import ssl
import subprocess
import threading
import urllib.request


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    """Forwards absolute-URI GETs (how clients talk to a plain HTTP proxy)."""

    def log_message(self, format, *args):  # noqa: A002 (the stdlib's signature)
        pass

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        proxy = self.server.owner
        auth = self.headers.get("Proxy-Authorization") or ""
        if proxy.credentials is not None:
            expected = "Basic " + base64.b64encode(proxy.credentials.encode()).decode()
            if auth != expected:
                self.send_response(407)
                self.send_header("Proxy-Authenticate", 'Basic realm="test"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        proxy.requests.append(self.path)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(self.path, timeout=30) as upstream:
                body = upstream.read()
                status = upstream.status
        except urllib.error.HTTPError as exc:
            body, status = b"", exc.code
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET


class _Served(object):
    """An http.server on 127.0.0.1 serving from a thread until stop()."""

    def _serve(self, httpd, scheme):
        self._httpd = httpd
        self._httpd.daemon_threads = True
        self.url = "{}://127.0.0.1:{}".format(scheme, self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        if self._thread is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join()
            self._thread = None


class ForwardingProxy(_Served):
    """.url is http://127.0.0.1:PORT; .requests lists every absolute URL it forwarded."""

    def __init__(self, credentials=None):
        self.requests = []
        self.credentials = credentials  # "user:password" to demand Proxy-Authorization
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ProxyHandler)
        httpd.owner = self
        self._serve(httpd, "http")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


class HttpsServer(_Served):
    """Serves directory over HTTPS with cert/key; .url is https://127.0.0.1:PORT."""

    def __init__(self, directory, cert, key):
        handler = functools.partial(_Quiet, directory=str(directory))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(cert), str(key))
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
        self._serve(httpd, "https")


def make_private_ca(directory):
    """A CA and a server certificate for 127.0.0.1 signed by it; (ca.pem, cert.pem, key.pem)."""
    directory = str(directory)
    os.makedirs(directory, exist_ok=True)
    p = functools.partial(os.path.join, directory)

    def openssl(*args):
        subprocess.run(["openssl"] + list(args), check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test Private CA",
            "-keyout", p("ca.key"), "-out", p("ca.pem"),
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", p("server.key"), "-out", p("server.csr"))
    with open(p("ext.cnf"), "w") as handle:
        handle.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", p("server.csr"), "-CA", p("ca.pem"), "-CAkey", p("ca.key"),
            "-CAcreateserial", "-days", "2", "-extfile", p("ext.cnf"), "-out", p("server.pem"))
    return p("ca.pem"), p("server.pem"), p("server.key")

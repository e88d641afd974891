#!/usr/bin/env python3
"""A real SMTP server for Samsyn's mail tests (aiosmtpd): STARTTLS with a self-signed
certificate, AUTH required after it, and every accepted message written to a directory.

    python3 scripts/smtp-test-server.py --port 2525 --dir /tmp/mail --user samsyn --password hemligt

Prints "ready <certificate path>" when it listens; stops on SIGTERM or when stdin closes.
The certificate is made with the openssl command in the message directory, so the client can
trust exactly it (SAMSYN_SMTP_CA_FILE)."""
import argparse
import asyncio
import json
import os
import signal
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Store:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        record = {"from": envelope.mail_from, "to": envelope.rcpt_tos,
                  "tls": session.ssl is not None, "authenticated": bool(session.authenticated),
                  "data": envelope.content.decode("utf-8", "replace")}
        with open(os.path.join(self.directory, f"{self.count:04d}.json"), "w") as out:
            json.dump(record, out)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user", default="samsyn")
    parser.add_argument("--password", default="hemligt")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    cert, key = os.path.join(args.dir, "cert.pem"), os.path.join(args.dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    controller = Controller(Store(args.dir), hostname="127.0.0.1", port=args.port, tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True, auth_require_tls=True)
    controller.start()
    print(f"ready {cert}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()

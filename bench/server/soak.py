#!/usr/bin/env python3
"""Soak test of `policykg serve` on loopback, bounded in time and count; stops by itself.

Mixes, for SECONDS: cheap requests (a small query, a resource page, the index) sent one after
another by several clients; heavy queries (a three-way cross product sorted, which runs until the
timeout) kept running; slow clients that send a header line every 2 s (from one address, more
than its connection cap, and one each from a thousand addresses: more than the old
thread-per-connection server had threads). Each kind of client has its own address (127.0.0.2
cheap, .3 heavy, .4 bad, .1 and 127.0.1.1-127.0.4.250 slow), as they would on a network; bad
requests (malformed request lines, a
Content-Length of 10^20, a chunked body beyond the limit, 2,500 byte ranges, PUT). Reports the
cheap requests that failed, their p50/p99 latency while the heavy queries run, what the heavy
and bad requests got, and the server's RSS before, at its peak and after.

Usage: bench/server/soak.py [BUILD_DIR] [SECONDS]   (exit status 1 if a cheap request failed)
"""
import collections
import os
import resource
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dev")
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
PORT = int(os.environ.get("POLICYKG_BENCH_PORT", "18474"))

CHEAP_CLIENTS = 8
HEAVY_CLIENTS = 4
SLOW_FROM_ONE = 40      # beyond the default cap of 32 per address
SLOW_FROM_MANY = 1000   # one each from 127.0.1.1 on (250 an octet)
BAD_CLIENTS = 2


def q(text):
    return "/sparql?query=" + urllib.parse.quote(text)


CHEAP = [
    q("SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology#Agency> } LIMIT 5"),
    "/page/agency/ministry-of-commerce",
    "/",
    "/ontology",
]
HEAVY = q("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a")


def request(raw, source="127.0.0.1", timeout=60.0):
    """Sends raw bytes, returns (status, seconds); status 0 when no answer came."""
    start = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", PORT), timeout=timeout, source_address=(source, 0)) as s:
            s.sendall(raw)
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            # Read the rest so that the latency covers the whole answer.
            length = None
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while length is not None and len(rest) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                rest += chunk
            status = int(data[9:12]) if data.startswith(b"HTTP/1.1 ") else 0
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def get(path):
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def main():
    # A socket per slow client: this process needs more than the usual 1024 files.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 4 * (SLOW_FROM_ONE + SLOW_FROM_MANY) + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    # The server's log (one line a request) goes straight to a file ($POLICYKG_SOAK_LOG or a
    # temporary one): a pipe read by this script could fill and hold the server's threads.
    log_path = os.environ.get("POLICYKG_SOAK_LOG") or tempfile.mktemp(prefix="policykg-soak-", suffix=".log")
    log_file = open(log_path, "w")
    server = subprocess.Popen([os.path.join(BUILD, "cli", "policykg"), "serve", "--port", str(PORT),
                               "--timeout", "3000", "--max-request-bytes", "65536"],
                              env=dict(os.environ, POLICYKG_HOME=ROOT), stderr=log_file)
    for _ in range(600):
        with open(log_path) as f:
            if "serving" in f.read():
                break
        if server.poll() is not None:
            print("the server did not start; its log:", log_path, file=sys.stderr)
            return 2
        time.sleep(0.1)
    try:
        for path in CHEAP + ["/dump.ttl"]:
            request(get(path))  # warm the caches
        before = rss_kib(server.pid)
        deadline = time.monotonic() + SECONDS
        cheap = []          # (status, seconds)
        heavy = collections.Counter()
        cheap_failures = collections.Counter()
        bad = collections.Counter()
        slow = collections.Counter()
        peak = [before]
        lock = threading.Lock()

        def cheap_client(i):
            n = i
            while time.monotonic() < deadline:
                path = CHEAP[n % len(CHEAP)]
                status, seconds = request(get(path), source="127.0.0.2")
                with lock:
                    cheap.append((status, seconds))
                    if status != 200:
                        cheap_failures[(path[:40], status)] += 1
                n += 1

        def heavy_client():
            while time.monotonic() < deadline:
                status, _ = request(get(HEAVY), source="127.0.0.3")
                with lock:
                    heavy[status] += 1

        def slow_clients(sources):
            # Every slow connection in one thread (a selector): a header line every 2 s, never the
            # end of the head; once answered (408 at the head deadline, or 503), connect again
            # (after 1 s for a 503, as told by Retry-After).
            sel = selectors.DefaultSelector()
            next_send = {}
            again = []  # (when, source)

            def connect(source):
                try:
                    s = socket.create_connection(("127.0.0.1", PORT), timeout=10, source_address=(source, 0))
                    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    s.setblocking(False)
                    sel.register(s, selectors.EVENT_READ, source)
                    next_send[s] = time.monotonic() + 2
                except OSError:
                    with lock:
                        slow[(source == "127.0.0.1", "error")] += 1
                    again.append((time.monotonic() + 0.5, source))

            for source in sources:
                connect(source)
            while time.monotonic() < deadline:
                for key, _ in sel.select(timeout=0.2):
                    s, source = key.fileobj, key.data
                    try:
                        data = s.recv(64)
                    except OSError:
                        data = b""
                    status = int(data[9:12]) if data.startswith(b"HTTP/1.1 ") else 0
                    with lock:
                        slow[(source == "127.0.0.1", status)] += 1
                    sel.unregister(s)
                    del next_send[s]
                    s.close()
                    again.append((time.monotonic() + (1 if status == 503 else 0), source))
                now = time.monotonic()
                for s, when in list(next_send.items()):
                    if now >= when:
                        try:
                            s.send(b"X-Slow: 1\r\n")
                        except OSError:
                            pass
                        next_send[s] = now + 2
                due = [a for a in again if a[0] <= now]
                again[:] = [a for a in again if a[0] > now]
                for _, source in due:
                    connect(source)
            for s in list(next_send):
                s.close()

        bad_requests = [
            b"NONSENSE\r\n\r\n",
            b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 100000000000000000000\r\n\r\n",
            b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
            + (b"10000\r\n" + b"#" * 65536 + b"\r\n") * 4,
            ("GET /dump.ttl HTTP/1.1\r\nConnection: close\r\nRange: bytes=0-" + ",0-" * 2499 + "\r\n\r\n").encode(),
            b"PUT /sparql HTTP/1.1\r\nConnection: close\r\n\r\n",
        ]

        def bad_client(i):
            n = i
            while time.monotonic() < deadline:
                status, _ = request(bad_requests[n % len(bad_requests)], source="127.0.0.4")
                with lock:
                    bad[status] += 1
                n += 1

        def watch():
            while time.monotonic() < deadline:
                peak[0] = max(peak[0], rss_kib(server.pid))
                time.sleep(0.2)

        threads = [threading.Thread(target=cheap_client, args=(i,)) for i in range(CHEAP_CLIENTS)]
        threads += [threading.Thread(target=heavy_client) for _ in range(HEAVY_CLIENTS)]
        many = [f"127.0.{1 + i // 250}.{1 + i % 250}" for i in range(SLOW_FROM_MANY)]
        threads.append(threading.Thread(target=slow_clients, args=(["127.0.0.1"] * SLOW_FROM_ONE + many,)))
        threads += [threading.Thread(target=bad_client, args=(i,)) for i in range(BAD_CLIENTS)]
        threads.append(threading.Thread(target=watch))
        for t in threads:
            t.start()
        for t in threads:
            t.join(SECONDS + 90)
        time.sleep(1)
        after = rss_kib(server.pid)
        time.sleep(4)
        later = rss_kib(server.pid)

        ok = sorted(s for status, s in cheap if status == 200)
        failed = [status for status, _ in cheap if status != 200]
        pct = lambda p: ok[min(len(ok) - 1, int(p * len(ok)))] * 1000 if ok else float("nan")
        print(f"duration {SECONDS:.0f} s; {CHEAP_CLIENTS} cheap clients, {HEAVY_CLIENTS} heavy, "
              f"{SLOW_FROM_ONE}+{SLOW_FROM_MANY} slow, {BAD_CLIENTS} bad")
        print(f"cheap requests: {len(cheap)}, failed {len(failed)} {dict(cheap_failures)}")
        print(f"cheap latency: p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, max {pct(1.0):.1f} ms")
        print(f"heavy queries: {dict(heavy)}")
        print(f"slow clients from 127.0.0.1: {({k[1]: v for k, v in slow.items() if k[0]})}")
        print(f"slow clients from {SLOW_FROM_MANY} addresses: {({k[1]: v for k, v in slow.items() if not k[0]})}")
        print(f"bad requests: {dict(bad)}")
        print(f"RSS: before {before // 1024} MiB, peak {peak[0] // 1024} MiB, after {after // 1024} MiB "
              f"(1 s after the last request), {later // 1024} MiB (5 s after)")
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait(30)
        if not os.environ.get("POLICYKG_SOAK_LOG"):
            os.remove(log_path)


if __name__ == "__main__":
    sys.exit(main())

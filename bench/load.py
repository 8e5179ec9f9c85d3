#!/usr/bin/env python3
"""Tresor load benchmark: slow clients, bursts and a mixed workload against the packaged jar, in one run.

Started by bench/load. Builds the jar (if needed), starts it with -Xmx512m on the embedded settings (H2 file
database, blobs on disk, the in-process SMTP server whose dev mailbox hands out the links) in a fresh data
directory on a free loopback port, creates the first administrator through the link in the log and drives
everything else over HTTP as users would:

1. slow uploads: many concurrent submissions at 32 KiB/s each to valid ticket links, plus as many idle
   keep-alive connections, while a separate process measures /submit/info, /login and a signed-in /inbox;
2. a burst: concurrent ticket requests and sign-ins from 20 loopback addresses (127.0.0.2 and on) at once;
3. a mixed workload (page views, ticket requests, submissions, downloads, sign-ins) whose rate is stepped up
   until the pages' p95 passes 300 ms or errors appear, then held at the highest rate that passed.

Prints each scenario's numbers, ends with one line of ratios, writes bench/results/load.json (load-quick.json
with --quick) and exits with 1 when a target is missed. Only the Python standard library; every connection
goes to 127.0.0.1.
"""

import argparse
import asyncio
import datetime
import http.client
import json
import math
import os
import random
import re
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench import (Clamd, Client, Failed, Page, Tresor, build, clamav_tools, command_output, cpu_model,  # noqa: E402
                   free_port,
                   load_average, log, machine_busy_seconds, percentile, proc_status, process_seconds)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIB = 1 << 10
MIB = 1 << 20
HEAP = "-Xmx512m"
HOST = "127.0.0.1"
SETTLED_CPU = 0.25         # share of one core the JVM uses when it has nothing left to do (its own jobs, the probe)
CLAMD_STREAM_MAX_MIB = 100  # clamd's default StreamMaxLength, and Tresor's default max-file-size
CLAMD_THREADS = 200        # as docker/clamav/clamd.conf: at least the transfers Tresor lets run at once
TICKETS_AT_A_TIME = 250    # the dev mailbox keeps the newest 1,000 mails; other scenarios' mails arrive meanwhile

# every client of scenarios 1 and 3 sends from 127.0.0.1 and the burst signs in to one account: the limits per
# address and per account would refuse the load itself; the burst's 10 requests per address stay within the defaults
RATE_LIMITS = {
    "TRESOR_RATE_LIMIT_TICKET_REQUESTS_PER_ADDRESS_ATTEMPTS": "100000",
    "TRESOR_RATE_LIMIT_LOGINS_PER_ADDRESS_ATTEMPTS": "100000",
    "TRESOR_RATE_LIMIT_LOGINS_PER_EMAIL_ATTEMPTS": "100000",
    "TRESOR_RATE_LIMIT_SECU_PASS_ENTRIES_PER_ADDRESS_ATTEMPTS": "100000",
}

PAGE_P95_MS = 300          # every page, in every scenario
BURST_TICKET_P95_MS = 1000
RSS_LIMIT_MIB = 1024
AT_ONCE_S = 1.0            # a refusal (503 of an upload, 429/503 in the burst) comes this fast, with Retry-After
ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"  # what browsers send: the pages, never the JSON errors
KEPT_ALIVE = " (kept alive)"  # the probe's samples over a connection kept open between requests
POOL_TIMEOUT_S = 4.5       # a 503 this slow waited for the connection pool (its timeout is 5 s)
UPLOAD_RATE = 32 * KIB     # bytes per second of a slow upload
UPLOAD_GRACE = 2.5         # an upload may take this many times its transfer time before it counts as not stored


def percentiles(values):
    if not values:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(values), "p50_ms": round(percentile(values, 50) * 1000),
            "p95_ms": round(percentile(values, 95) * 1000), "max_ms": round(max(values) * 1000)}


def ms(value):
    return "-" if value is None else f"{value} ms"


# ---------------------------------------------------------------------------------------------- asyncio HTTP


class Response:
    """One exchange: status is the HTTP status, or a word for what went wrong (timeout, reset, closed)."""

    def __init__(self, status, headers, body, started, ended):
        self.status = status
        self.headers = headers
        self.body = body
        self.started = started
        self.seconds = ended - started

    def text(self):
        return self.body.decode("utf-8", "replace")

    def page(self, url):
        return Page(self.status, url, self.text(), self.headers)

    def location(self):
        return self.headers.get("location", "")


def parse_head(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers, cookies = {}, []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "set-cookie":
            cookies.append(value)
        headers[name] = value
    headers["set-cookie"] = cookies
    return status, headers, body


def dechunk(body):
    out, rest = [], body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out.append(rest[:size])
        rest = rest[size + 2:]
    return b"".join(out)


def failure_word(error):
    if isinstance(error, asyncio.TimeoutError):
        return "timeout"
    if isinstance(error, (ConnectionResetError, BrokenPipeError)):
        return "reset"
    if isinstance(error, ConnectionRefusedError):
        return "refused-connection"
    if isinstance(error, asyncio.IncompleteReadError):
        return "closed"
    return type(error).__name__


async def fetch(port, method, path, cookies=None, body=None, content_type=None, source=None, timeout=60.0):
    """One request on its own connection (Connection: close), the whole answer read; never raises for the network."""
    started = time.monotonic()
    writer = None

    async def exchange():
        nonlocal writer
        reader, writer = await asyncio.open_connection(HOST, port, local_addr=(source, 0) if source else None)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", f"Accept: {ACCEPT}", "Accept-Language: en",
                 "Connection: close"]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        if body is not None:
            lines += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        if body:
            writer.write(body)
        await writer.drain()
        return await reader.read()

    try:
        raw = await asyncio.wait_for(exchange(), timeout)
        if not raw:
            return Response("closed", {}, b"", started, time.monotonic())
        status, headers, content = parse_head(raw)
        if "chunked" in headers.get("transfer-encoding", "").lower():
            content = dechunk(content)
        return Response(status, headers, content, started, time.monotonic())
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
        return Response(failure_word(e), {}, b"", started, time.monotonic())
    finally:
        if writer is not None:
            writer.close()


class Browser:
    """One user's cookies over fetch(), from one source address."""

    def __init__(self, port, source=None, cookies=None):
        self.port = port
        self.source = source
        self.cookies = dict(cookies or {})

    async def get(self, path, timeout=60.0):
        return self._keep(await fetch(self.port, "GET", path, self.cookies, source=self.source, timeout=timeout))

    async def post(self, path, fields, timeout=60.0):
        return self._keep(await fetch(self.port, "POST", path, self.cookies, urllib.parse.urlencode(fields).encode(),
                                      "application/x-www-form-urlencoded", self.source, timeout))

    async def post_multipart(self, path, fields, file_name, payload, timeout=120.0):
        boundary, head, tail = multipart(fields, file_name)
        return self._keep(await fetch(self.port, "POST", path, self.cookies, head + payload + tail,
                                      f"multipart/form-data; boundary={boundary}", self.source, timeout))

    def _keep(self, response):
        for header in response.headers.get("set-cookie", []) if isinstance(response.status, int) else []:
            pair, _, attributes = header.partition(";")
            name, _, value = pair.strip().partition("=")
            if re.search(r"max-age=0\b", attributes, re.IGNORECASE):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response


def multipart(fields, file_name):
    """The parts before and after a file's bytes, so that large payloads are not copied."""
    boundary = "----TresorLoad" + secrets.token_hex(12)
    head = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                   for name, value in fields)
    head += (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{file_name}"\r\n'
             "Content-Type: application/octet-stream\r\n\r\n")
    return boundary, head.encode(), f"\r\n--{boundary}--\r\n".encode()


def cookie_dict(header):
    return dict(pair.strip().split("=", 1) for pair in header.split(";") if "=" in pair)


# ---------------------------------------------------------------------------------------------- the fast client


def probe_main(port):
    """The measuring client, in its own process so that the load generator's work does not delay it: two threads
    per page, one request at a time each, a JSON line when a request starts and when it ends. One thread opens a
    fresh connection for every request (a new visitor: it waits behind every connection the server has yet to
    accept), the other keeps its connection open between requests as a browser does ("kept alive": someone already
    on the site), opening a new one only when the server closed it. Stops when its standard input closes,
    reporting what is still in flight."""
    cookie = os.environ.get("TRESOR_LOAD_PROBE_COOKIE", "")
    pages = [("/submit/info", None), ("/login", None), ("/inbox", cookie)]
    lock = threading.Lock()
    counter = iter(range(1 << 62))

    def emit(record):
        with lock:
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()

    def measure(path, cookie, kept_alive):
        label = path + KEPT_ALIVE if kept_alive else path
        connection = None
        while True:
            with lock:
                number = next(counter)
            started = time.monotonic()
            emit({"id": number, "path": label, "t": started})
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=180)
                headers = {"Accept": ACCEPT, "Accept-Language": "en"}
                if cookie:
                    headers["Cookie"] = cookie
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if not kept_alive or response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as e:
                connection = None
                status = "timeout" if isinstance(e, TimeoutError) else type(e).__name__
            emit({"id": number, "path": label, "t": started, "s": time.monotonic() - started, "status": status})
            time.sleep(0.2)

    for path, c in pages:
        for kept_alive in (False, True):
            threading.Thread(target=measure, args=(path, c, kept_alive), daemon=True).start()
    sys.stdin.read()
    sys.stdout.flush()
    os._exit(0)


class Probe:
    """Runs probe_main in a child process and keeps its samples; stats of any time window, in-flight ones
    counted with the time they have waited so far."""

    def __init__(self, port, cookie):
        self.process = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--probe", str(port)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=dict(os.environ, TRESOR_LOAD_PROBE_COOKIE=cookie))
        self.pid = self.process.pid
        self.started = {}
        self.done = []
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            record = json.loads(line)
            with self.lock:
                if "s" in record:
                    self.started.pop(record["id"], None)
                    self.done.append(record)
                else:
                    self.started[record["id"]] = record

    def window(self, t0, t1):
        """Samples that started within [t0, t1]: (path, seconds, status); in flight: status 'waiting'."""
        now = time.monotonic()
        with self.lock:
            samples = [(r["path"], r["s"], r["status"]) for r in self.done if t0 <= r["t"] <= t1]
            samples += [(r["path"], now - r["t"], "waiting") for r in self.started.values() if t0 <= r["t"] <= t1]
        return samples

    def slowest(self, t0, t1, count=12):
        """The slowest samples that started within [t0, t1], each with its start in seconds after t0: when in a
        burst the pages waited tells what they waited for."""
        with self.lock:
            samples = [(r["path"], round(r["t"] - t0, 3), round(r["s"] * 1000)) for r in self.done
                       if t0 <= r["t"] <= t1]
        return [{"path": path, "started_s": started, "ms": ms}
                for path, started, ms in sorted(samples, key=lambda sample: -sample[2])[:count]]

    def stop(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.reader.join(5)


def page_stats(samples):
    """p50/p95/max per page and over all; 'waiting' samples count with their time so far; errors are non-200s."""
    stats = {}
    for path in sorted({s[0] for s in samples}) + ["all"]:
        chosen = [s for s in samples if path == "all" or s[0] == path]
        entry = percentiles([s[1] for s in chosen if s[2] == 200 or s[2] == "waiting"])
        entry["waiting"] = sum(1 for s in chosen if s[2] == "waiting")
        errors = {}
        for s in chosen:
            if s[2] not in (200, "waiting"):
                errors[str(s[2])] = errors.get(str(s[2]), 0) + 1
        entry["errors"] = errors
        stats[path] = entry
    return stats


def worst_page_p95(stats):
    values = [entry["p95_ms"] for path, entry in stats.items() if path != "all" and entry["p95_ms"] is not None]
    return max(values) if values else None


# ---------------------------------------------------------------------------------------------- resources


class Monitor(threading.Thread):
    """Samples the JVM each second from /proc (RSS, threads, CPU) and, every two seconds, the connection pool and
    request threads from /actuator/prometheus as an administrator (a sample that does not come within 3 s is
    skipped: the server may be starved)."""

    METRICS = ("hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_max",
               "tomcat_threads_busy_threads", "tomcat_threads_config_max_threads", "tomcat_threads_current_threads",
               "jvm_threads_live_threads", "jetty_threads_busy", "jetty_threads_config_max")

    def __init__(self, pid, port, admin_cookie, probe_pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.port = port
        self.cookie = admin_cookie
        self.probe_pid = probe_pid
        self.samples = []
        self.metrics = []
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.metrics_thread = threading.Thread(target=self._poll_metrics, daemon=True)

    def run(self):
        self.metrics_thread.start()
        while not self.stopped.is_set():
            self.sample()
            self.stopped.wait(1)

    def sample(self):
        own = resource.getrusage(resource.RUSAGE_SELF)
        try:
            probe = process_seconds(self.probe_pid)
        except (FileNotFoundError, ProcessLookupError):
            probe = 0.0
        try:
            jvm = process_seconds(self.pid)
        except FileNotFoundError:
            return
        with self.lock:
            self.samples.append({"t": time.monotonic(), "rss_mib": proc_status(self.pid, "VmRSS"),
                                 "hwm_mib": proc_status(self.pid, "VmHWM"), "threads": self.threads(),
                                 "jvm_cpu_s": jvm, "machine_busy_s": machine_busy_seconds(),
                                 "bench_cpu_s": own.ru_utime + own.ru_stime + probe})

    def threads(self):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("Threads:"):
                        return int(line.split()[1])
        except FileNotFoundError:
            pass
        return None

    def _poll_metrics(self):
        while not self.stopped.wait(2):
            started = time.monotonic()
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=3)
                connection.request("GET", "/actuator/prometheus", headers={"Cookie": self.cookie})
                response = connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                connection.close()
            except OSError:
                continue
            if response.status != 200:
                continue
            values = {}
            for line in text.splitlines():
                name = line.split("{", 1)[0].split(" ", 1)[0]
                if name in self.METRICS:
                    try:
                        values[name] = values.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
                    except ValueError:
                        pass
            with self.lock:
                self.metrics.append(dict(values, t=started))

    def window(self, t0, t1):
        with self.lock:
            samples = [s for s in self.samples if t0 <= s["t"] <= t1]
            metrics = [m for m in self.metrics if t0 <= m["t"] <= t1]
        if len(samples) < 2:
            return {}
        first, last = samples[0], samples[-1]
        span = (last["t"] - first["t"]) * os.cpu_count()
        summary = {
            "seconds": round(last["t"] - first["t"], 1),
            "jvm_cpu_s": round(last["jvm_cpu_s"] - first["jvm_cpu_s"], 1),
            "jvm_cpu_share": round((last["jvm_cpu_s"] - first["jvm_cpu_s"]) / span, 2),
            "machine_cpu_share": round((last["machine_busy_s"] - first["machine_busy_s"]) / span, 2),
            "bench_cpu_share": round((last["bench_cpu_s"] - first["bench_cpu_s"]) / span, 2),
            "rss_max_mib": max((s["rss_mib"] or 0) for s in samples),
            "threads_max": max((s["threads"] or 0) for s in samples),
        }
        summary["others_cpu_share"] = round(max(0.0, summary["machine_cpu_share"] - summary["jvm_cpu_share"]
                                                - summary["bench_cpu_share"]), 2)
        summary["metrics_samples"] = len(metrics)
        for name in self.METRICS:
            seen = [m[name] for m in metrics if name in m]
            if seen:
                summary[name + "_max"] = max(seen)
        return summary

    def stop(self):
        self.stopped.set()
        self.join(5)
        self.metrics_thread.join(5)


def limiting_resource(window):
    """Names what ran out in a window of Monitor samples, from the most specific sign to the least."""
    if not window:
        return "unknown (no samples)"
    pool_max = window.get("hikaricp_connections_max_max")
    if window.get("hikaricp_connections_pending_max", 0) > 0 or (
            pool_max and window.get("hikaricp_connections_active_max", 0) >= pool_max):
        return (f"database connection pool ({window.get('hikaricp_connections_active_max', 0):.0f} of "
                f"{pool_max or 0:.0f} in use, up to {window.get('hikaricp_connections_pending_max', 0):.0f} waiting)")
    for prefix, busy, config in (("request threads", "tomcat_threads_busy_threads_max",
                                  "tomcat_threads_config_max_threads_max"),
                                 ("request threads", "jetty_threads_busy_max", "jetty_threads_config_max_max")):
        if window.get(busy) is not None and window.get(config) and window[busy] >= 0.95 * window[config]:
            return f"{prefix} ({window[busy]:.0f} of {window[config]:.0f} busy)"
    cpu = (f"JVM {window['jvm_cpu_share']:.0%}, load generator {window['bench_cpu_share']:.0%}, "
           f"others {window['others_cpu_share']:.0%} of {os.cpu_count()} cores")
    if window["machine_cpu_share"] >= 0.85:
        if window["jvm_cpu_share"] >= 0.5:
            return f"CPU of the JVM ({cpu})"
        if window["others_cpu_share"] >= window["jvm_cpu_share"]:
            return f"CPU taken by other processes ({cpu})"
        return f"CPU ({cpu})"
    return f"none saturated in the samples ({cpu}; {window['threads_max']} JVM threads)"


# ---------------------------------------------------------------------------------------------- the server


class LoadTresor(Tresor):
    """The jar with -Xmx512m on the embedded settings, rate limits raised through the environment, no trusted
    proxy (the peer address is the client), Tomcat's thread metrics on."""

    def __init__(self, jar, work, settings=()):
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.data = os.path.join(work, "data")
        self.tmp = os.path.join(work, "jvm-tmp")
        os.makedirs(self.tmp)
        self.log_path = os.path.join(work, "tresor.log")
        command = ["java", HEAP, f"-Djava.io.tmpdir={self.tmp}", "-jar", jar,
                   f"--server.port={self.port}", f"--server.address={HOST}",
                   f"--tresor.data-directory={self.data}", f"--tresor.public-base-url={self.base}",
                   "--tresor.dev.smtp-port=0",
                   "--server.tomcat.mbeanregistry.enabled=true"] + [f"--{setting}" for setting in settings]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("TRESOR_")}
        environment.update(RATE_LIMITS)
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT, cwd=work,
                                        env=environment)
        self.pid = self.process.pid
        try:
            self._await_start()
        except BaseException:
            self.stop()  # else a start that fails or is interrupted leaves the JVM running
            raise

    def _await_start(self, limit=600):
        """Up to ten minutes: on a machine shared with builds the start alone took more than three."""
        super()._await_start(limit)

    def log_size(self):
        return os.path.getsize(self.log_path)

    def log_since(self, offset):
        with open(self.log_path, errors="replace") as f:
            f.seek(offset)
            return f.read()


def log_findings(text):
    """What the server's log says about a scenario: errors, pool timeouts, 503s it answered."""
    return {"error_lines": len(re.findall(r"^\S+\s+ERROR\b|\bERROR\s", text, re.MULTILINE)),
            "pool_timeouts": text.count("Connection is not available, request timed out"),
            "answered_503": len(re.findall(r"answered 503", text))}


# ---------------------------------------------------------------------------------------------- set-up


class Setup:
    """The first administrator, signed-in sessions, tickets and their links, a few stored submissions."""

    def __init__(self, tresor):
        self.tresor = tresor
        self.port = tresor.port
        self.email = "admin@load.example.org"
        self.password = "Load-Password-" + os.urandom(8).hex()
        self.secu_pass = "Load-SecuPass-" + os.urandom(8).hex() + "!"
        self.ticket_count = 0

    def administrator(self):
        admin = Client(self.tresor.base)
        form = admin.get(self.tresor.setup_link())
        page = admin.post(urllib.parse.urlsplit(form.url).path, {
            "_csrf": form.csrf(), "email": self.email, "password": self.password,
            "passwordRepeated": self.password, "secuPass": self.secu_pass, "secuPassRepeated": self.secu_pass})
        if page.status != 200:
            raise Failed(f"administrator setup answered {page.status}")

    def session(self):
        """A new signed-in session of the administrator (a member of the default box): its cookie header."""
        staff = Client(self.tresor.base)
        login = staff.get("/login")
        staff.post("/login", {"_csrf": login.csrf(), "email": self.email, "password": self.password})
        if staff.get("/inbox", follow=False).status != 200:
            raise Failed("sign-in of the administrator failed")
        return staff.cookie_header()

    async def tickets(self, count, prefix, concurrency=4):
        """Requests count tickets for new addresses (each retried twice on a refusal) and reads their links from
        the dev mailbox, a few hundred at a time: it keeps only the newest 1,000 mails. Returns the links."""
        links = []
        while len(links) < count:
            links += await self._tickets(min(TICKETS_AT_A_TIME, count - len(links)), prefix, concurrency)
        return links

    async def _tickets(self, count, prefix, concurrency):
        emails = []
        for _ in range(count):
            self.ticket_count += 1
            emails.append(f"{prefix}-{self.ticket_count:05d}@load.example.org")
        queue = list(reversed(emails))
        failures = []

        async def worker():
            # one sender's session asks for many tickets: the form once, its CSRF token for every request
            browser, csrf = Browser(self.port), None
            while queue:
                email = queue.pop()
                for attempt in range(3):
                    if csrf is None:
                        browser = Browser(self.port)
                        form = await browser.get("/submit/info")
                        csrf = form.page("/submit/info").csrf() if form.status == 200 else None
                        status = form.status
                    if csrf is not None:
                        sent = await browser.post("/submit/info", {"_csrf": csrf, "email": email})
                        if sent.status == 302:
                            break
                        status, csrf = sent.status, None
                    await asyncio.sleep(1 + attempt)
                else:
                    failures.append(status)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        if failures:
            raise Failed(f"{len(failures)} of {count} ticket requests failed during set-up: {failures[:5]}")
        return self.mailed_links(emails)

    def mailed_links(self, emails, timeout=300):
        wanted = set(emails)
        deadline = time.time() + timeout
        mailbox = Client(self.tresor.base)
        while True:
            page = mailbox.get("/dev/mailbox")
            links = {}
            for article in page.text.split('<article class="mail">')[1:]:
                to = re.search(r'class="address">([^<]*)<', article)
                link = re.search(r'href="([^"]*/submit/t/[^"]+)"', article)
                if to and link and to.group(1).strip() in wanted:
                    links[to.group(1).strip()] = urllib.parse.urlsplit(link.group(1).replace("&amp;", "&")).path
            if len(links) == len(wanted):
                return [links[email] for email in emails]
            if time.time() > deadline:
                raise Failed(f"only {len(links)} of {len(wanted)} ticket mails arrived in {timeout} s")
            time.sleep(3)

    async def forms(self, links, concurrency=4):
        """Opens each ticket link as its sender would: (cookies, form action with its CSRF token)."""
        gate = asyncio.Semaphore(concurrency)

        async def open_form(link):
            async with gate:
                browser = Browser(self.port)
                form = await browser.get(link)
                if form.status != 200:
                    raise Failed(f"ticket link answered {form.status}")
                action = urllib.parse.urljoin(link, form.page(link).multipart_action())
                return browser.cookies, action

        return await asyncio.gather(*(open_form(link) for link in links))

    async def stored_submissions(self, count, size, staff_cookie):
        """count submissions of size random bytes, stored at full speed: their ids in the inbox."""
        payload = os.urandom(size)
        for cookies, action in await self.forms(await self.tickets(count, "seed")):
            sent = await Browser(self.port, cookies=cookies).post_multipart(action, [("message", "Seed")],
                                                                          "seed.bin", payload)
            if sent.status != 302:
                raise Failed(f"seed submission answered {sent.status}")
        inbox = await Browser(self.port, cookies=cookie_dict(staff_cookie)).get("/inbox")
        ids = list(dict.fromkeys(re.findall(r"/inbox/([0-9a-f-]{36})", inbox.text())))
        if len(ids) < count:
            raise Failed(f"only {len(ids)} of {count} seed submissions are in the inbox")
        return ids[:count], size


# ---------------------------------------------------------------------------------------------- scenario 1


async def read_answer(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status, headers, _ = parse_head(head)
    return status, headers, time.monotonic()


async def slow_upload(port, form, payload, deadline):
    """One submission sent at UPLOAD_RATE through the form, its answer read as soon as it comes (also while
    still sending: a refusal may come before the body has gone)."""
    cookies, action = form
    boundary, head, tail = multipart([("message", "Load test")], "slow.bin")
    length = len(head) + len(payload) + len(tail)
    request = (f"POST {action} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: {ACCEPT}\r\nAccept-Language: en\r\n"
               "Connection: close\r\n"
               f"Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
               f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\r\n").encode()
    started = time.monotonic()
    result = {"outcome": None, "status": None, "seconds": None, "sent": 0}
    writer = None
    answer = None
    try:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port),
                                                    max(1.0, deadline - started))
        except (OSError, asyncio.TimeoutError) as e:
            result["outcome"] = "connect-" + failure_word(e)
            return result
        answer = asyncio.ensure_future(read_answer(reader))
        view = memoryview(payload)
        chunk = 16 * KIB
        pieces = [request + head] + [view[i:i + chunk] for i in range(0, len(payload), chunk)] + [tail]
        next_at = time.monotonic()
        write_error = None
        for index, piece in enumerate(pieces):
            paced = 0 < index < len(pieces) - 1
            now = time.monotonic()
            if paced and next_at > now:
                await asyncio.wait([answer], timeout=next_at - now)
            if answer.done() or time.monotonic() >= deadline:
                break
            writer.write(piece)
            written = time.monotonic()
            drain = asyncio.ensure_future(writer.drain())
            await asyncio.wait([drain, answer], timeout=max(0.0, deadline - time.monotonic()),
                               return_when=asyncio.FIRST_COMPLETED)
            if not drain.done():
                drain.cancel()
                break
            if drain.exception():
                write_error = drain.exception()
                break
            result["sent"] += len(piece)
            if paced:
                # a late wake-up of this process is caught up (the link would have sent meanwhile); time the
                # server did not read (its window closed) is not: the link idled
                next_at += len(piece) / UPLOAD_RATE
                if time.monotonic() - written > 0.1:
                    next_at = max(next_at, time.monotonic())
        if not answer.done():
            # after a failed write the answer may still be on its way; else wait for it until the deadline
            wait = 1.0 if write_error else max(0.0, deadline - time.monotonic())
            await asyncio.wait([answer], timeout=wait)
        if answer.done() and not answer.exception():
            status, headers, at = answer.result()
            result["status"] = status
            result["seconds"] = round(at - started, 3)
            if status in (302, 303) and "/submit/sent" in headers.get("location", ""):
                result["outcome"] = "stored"
            elif status == 503:
                result["outcome"] = "refused-at-once" if at - started <= AT_ONCE_S else "refused-late"
                result["retry_after"] = headers.get("retry-after")
            else:
                result["outcome"] = f"http-{status}"
        elif answer.done():
            result["outcome"] = failure_word(answer.exception())
        elif write_error is not None:
            result["outcome"] = failure_word(write_error)
        elif result["sent"] < len(request) + length:
            result["outcome"] = "unfinished"
        else:
            result["outcome"] = "no-answer"
        return result
    finally:
        if answer is not None and not answer.done():
            answer.cancel()
        if writer is not None:
            writer.close()


async def idle_connection(port, stats, stop):
    """A keep-alive connection that fetched the style sheet and now sits idle; when the server closes it (its
    keep-alive timeout), it is opened again after a second, as a browser tab would on its next click. Ends when
    cancelled or, since Python before 3.12 may swallow a cancellation in wait_for, once stop is set."""
    request = f"GET /css/tresor.css HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Language: en\r\n\r\n".encode()
    while not stop.is_set():
        writer = None
        counted = False
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 30)
            stats["open"] += 1
            counted = True
            writer.write(request)
            await writer.drain()
            _, headers, _ = parse_head(await reader.readuntil(b"\r\n\r\n"))
            if "content-length" in headers:
                await reader.readexactly(int(headers["content-length"]))
            else:
                await reader.readuntil(b"0\r\n\r\n")
            stats["answered"] += 1
            await reader.read(1)  # b"" once the server closes the idle connection
            stats["closed_by_server"] += 1
        except asyncio.CancelledError:
            raise
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ValueError, IndexError) as e:
            word = failure_word(e)
            stats["errors"][word] = stats["errors"].get(word, 0) + 1
        finally:
            if counted:
                stats["open"] -= 1
            if writer is not None:
                writer.close()
        await asyncio.sleep(random.uniform(0.5, 1.5))


async def slow_uploads(args, tresor, forms, probe, monitor):
    count = len(forms)
    payload = os.urandom(args.upload_kib * KIB)
    transfer = len(payload) / UPLOAD_RATE
    ramp = min(10.0, max(2.0, (count + args.idle) / 400))
    log(f"Scenario 1: {count} uploads of {args.upload_kib} KiB at {UPLOAD_RATE // KIB} KiB/s ({transfer:.0f} s "
        f"each) and {args.idle} idle keep-alive connections, opened over {ramp:.0f} s ...")
    log_offset = tresor.log_size()
    idle_stats = {"open": 0, "answered": 0, "closed_by_server": 0, "errors": {}}
    stop = asyncio.Event()
    open_samples = []
    began = time.monotonic()
    deadline = began + ramp + transfer * UPLOAD_GRACE + 5

    async def later(delay, coroutine):
        await asyncio.sleep(delay)
        return await coroutine

    idle = [asyncio.ensure_future(later(ramp * i / max(1, args.idle), idle_connection(tresor.port, idle_stats, stop)))
            for i in range(args.idle)]
    uploads = [asyncio.ensure_future(later(ramp * i / count, slow_upload(tresor.port, form, payload, deadline)))
               for i, form in enumerate(forms)]
    pending = set(uploads)
    while pending:
        _, pending = await asyncio.wait(pending, timeout=5)
        open_samples.append(idle_stats["open"])
        if time.monotonic() - began > ramp:
            done = count - len(pending)
            log(f"  {time.monotonic() - began:5.0f} s: {done} of {count} uploads answered, "
                f"{idle_stats['open']} idle connections open, RSS {proc_status(tresor.pid, 'VmRSS')} MiB")
    ended = time.monotonic()
    stop.set()
    for task in idle:
        task.cancel()
    await asyncio.wait(idle, timeout=10)
    results = [task.result() for task in uploads]
    outcomes = {}
    for r in results:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    window_start = began + ramp
    pages = page_stats(probe.window(window_start, ended))
    stored = [r["seconds"] for r in results if r["outcome"] == "stored"]
    refused = [r for r in results if r["outcome"] == "refused-at-once"]
    summary = {
        "uploads": count, "upload_bytes": len(payload), "rate_bytes_s": UPLOAD_RATE, "idle_connections": args.idle,
        "ramp_s": ramp, "deadline_s": round(deadline - began), "wall_s": round(ended - began, 1),
        "outcomes": outcomes, "stored": len(stored), "refused_at_once": len(refused),
        "refusals_without_retry_after": sum(1 for r in refused if not r.get("retry_after")),
        "other": count - len(stored) - len(refused),
        "http_5xx_other_than_503": sum(1 for r in results if isinstance(r["status"], int) and r["status"] >= 500
                                       and r["status"] != 503),
        "stored_seconds": percentiles(stored),
        "idle": {"opened": idle_stats["answered"], "closed_by_server": idle_stats["closed_by_server"],
                 "errors": idle_stats["errors"], "open_min": min(open_samples[1:] or [0]),
                 "open_max": max(open_samples or [0])},
        "pages": pages, "resources": monitor.window(window_start, ended),
        "peak_rss_mib": proc_status(tresor.pid, "VmHWM"), "log": log_findings(tresor.log_since(log_offset)),
    }
    return summary


# ---------------------------------------------------------------------------------------------- scenario 2


async def burst(args, tresor, setup, probe, monitor):
    addresses = [f"127.0.0.{2 + i}" for i in range(args.addresses)]
    log(f"Scenario 2: {args.burst_tickets} ticket requests and {args.burst_sign_ins} sign-ins at once from "
        f"{len(addresses)} addresses ({addresses[0]} to {addresses[-1]}) ...")
    gate = asyncio.Semaphore(4)

    async def prepared(i, path):
        async with gate:
            browser = Browser(tresor.port, source=addresses[i % len(addresses)])
            form = await browser.get(path)
            if form.status != 200:
                raise Failed(f"{path} answered {form.status} before the burst")
            return browser, form.page(path).csrf()

    tickets = await asyncio.gather(*(prepared(i, "/submit/info") for i in range(args.burst_tickets)))
    sign_ins = await asyncio.gather(*(prepared(i, "/login") for i in range(args.burst_sign_ins)))
    await asyncio.sleep(3)  # the probe's pages before the burst, for comparison
    quiet = page_stats(probe.window(time.monotonic() - 3, time.monotonic()))
    log_offset = tresor.log_size()
    jit_before = compiler_seconds(tresor.pid)
    began = time.monotonic()
    run = secrets.token_hex(3)  # each burst asks for new addresses: a warm-up's would meet their per-address limit
    ticket_tasks = [browser.post("/submit/info", {"_csrf": csrf, "email": f"burst-{run}-{i:04d}@load.example.org"},
                                 timeout=120) for i, (browser, csrf) in enumerate(tickets)]
    sign_in_tasks = [browser.post("/login", {"_csrf": csrf, "email": setup.email, "password": setup.password},
                                  timeout=120) for browser, csrf in sign_ins]
    answers = await asyncio.gather(*(ticket_tasks + sign_in_tasks))
    ended = time.monotonic()
    jit_cpu_s = round(compiler_seconds(tresor.pid) - jit_before, 2)
    ticket_answers, sign_in_answers = answers[:len(tickets)], answers[len(tickets):]

    def judge(response, ok):
        if ok(response):
            return "ok"
        if response.status in (429, 503):
            if response.seconds >= POOL_TIMEOUT_S and response.status == 503:
                return "pool-timeout"
            if not response.headers.get("retry-after"):
                return f"{response.status}-without-retry-after"
            return f"{response.status}-at-once" if response.seconds <= AT_ONCE_S else f"{response.status}-late"
        return f"http-{response.status}" if isinstance(response.status, int) else str(response.status)

    def tally(responses, ok):
        outcomes = {}
        for response in responses:
            word = judge(response, ok)
            outcomes[word] = outcomes.get(word, 0) + 1
        return outcomes

    ticket_ok = lambda r: r.status == 302 and "/requested" in r.location()  # noqa: E731
    sign_in_ok = lambda r: r.status == 302 and "login" not in r.location()  # noqa: E731
    signed_in = [r for r in sign_in_answers if sign_in_ok(r)]
    last_sign_in = max((r.started + r.seconds for r in signed_in), default=began)
    pages = page_stats(probe.window(began, ended))
    return {
        "addresses": len(addresses), "ticket_requests": len(tickets), "sign_ins": len(sign_ins),
        "wall_s": round(ended - began, 2), "jit_cpu_s": jit_cpu_s,
        "tickets": {"outcomes": tally(ticket_answers, ticket_ok),
                    "seconds": percentiles([r.seconds for r in ticket_answers])},
        "sign_in": {"outcomes": tally(sign_in_answers, sign_in_ok),
                    "seconds": percentiles([r.seconds for r in sign_in_answers]),
                    "signed_in": len(signed_in),
                    "per_second": round(len(signed_in) / max(0.001, last_sign_in - began), 1)},
        "pages_before": quiet, "pages": pages, "slowest_pages": probe.slowest(began, ended),
        "resources": monitor.window(began, ended),
        "log": log_findings(tresor.log_since(log_offset)),
    }


def burst_violations(result):
    """Counts of what the burst must not show: 5xx other than a quick 503, pool timeouts, refusals that were
    slow or came without Retry-After, failures of the connection."""
    counts = {"5xx": 0, "pool_timeouts": 0, "slow_or_unclear_refusals": 0, "other": 0}
    for kind in ("tickets", "sign_in"):
        for word, n in result[kind]["outcomes"].items():
            if word == "ok" or word.endswith("-at-once"):
                continue
            if word == "pool-timeout":
                counts["pool_timeouts"] += n
            elif word.startswith(("429", "503")):
                counts["slow_or_unclear_refusals"] += n
            elif re.fullmatch(r"http-5\d\d", word):
                counts["5xx"] += n
            else:
                counts["other"] += n
    return counts


# ---------------------------------------------------------------------------------------------- scenario 3


class Mixed:
    """Open-loop mixed workload: operations start at a fixed rate whatever the server's answers, in a fixed
    order of 16: 12 page views, a ticket request, a submission, a download and a sign-in."""

    KINDS = ["page"] * 12 + ["ticket", "submission", "download", "sign-in"]
    PAGES = ["/submit/info", "/login", "/inbox", "details"]
    ADDRESSES = 20

    def __init__(self, tresor, setup, staff_cookie, downloads, tickets, payload):
        self.tresor = tresor
        self.port = tresor.port
        self.setup = setup
        self.staff = cookie_dict(staff_cookie)
        self.download_ids, self.download_size = downloads
        self.tickets = list(tickets)
        self.payload = payload
        self.csrf = None
        self.order = list(self.KINDS)
        random.Random(18).shuffle(self.order)
        self.count = 0
        self.skipped = 0

    async def prepare(self):
        details = await Browser(self.port, cookies=self.staff).get(f"/inbox/{self.download_ids[0]}")
        self.csrf = details.page("/inbox").csrf()

    def address(self):
        """Users come from many places (the transfer limits count per client): 20 loopback addresses in turn."""
        return f"127.0.0.{2 + self.count % self.ADDRESSES}"

    async def operation(self, kind, record):
        self.count += 1
        source = self.address()
        if kind == "submission" and not self.tickets:
            self.skipped += 1
            kind = "page"
        if kind == "page":
            path = self.PAGES[self.count % len(self.PAGES)]
            if path == "details":
                path = f"/inbox/{self.download_ids[self.count % len(self.download_ids)]}"
            cookies = self.staff if path.startswith("/inbox") else None
            response = await Browser(self.port, source=source, cookies=cookies).get(path)
            record(kind, response, response.status == 200, page=True)
        elif kind == "ticket":
            browser = Browser(self.port, source=source)
            form = await browser.get("/submit/info")
            record("page", form, form.status == 200, page=True)
            if form.status == 200:
                self.setup.ticket_count += 1
                sent = await browser.post("/submit/info", {"_csrf": form.page("/").csrf(),
                                                           "email": f"mixed-{self.setup.ticket_count:05d}@load.example.org"})
                record(kind, sent, sent.status == 302)
        elif kind == "submission":
            link = self.tickets.pop()
            browser = Browser(self.port, source=source)
            form = await browser.get(link)
            record("page", form, form.status == 200, page=True)
            if form.status == 200:
                action = urllib.parse.urljoin(link, form.page(link).multipart_action())
                sent = await browser.post_multipart(action, [("message", "Mixed load")], "mixed.bin", self.payload)
                record(kind, sent, sent.status == 302 and "/submit/sent" in sent.location())
        elif kind == "download":
            submission = self.download_ids[self.count % len(self.download_ids)]
            response = await Browser(self.port, source=source, cookies=self.staff).post(
                f"/inbox/{submission}/files/1", {"_csrf": self.csrf, "secuPass": self.setup.secu_pass})
            record(kind, response, response.status == 200 and len(response.body) >= self.download_size)
        elif kind == "sign-in":
            browser = Browser(self.port, source=source)
            form = await browser.get("/login")
            record("page", form, form.status == 200, page=True)
            if form.status == 200:
                sent = await browser.post("/login", {"_csrf": form.page("/login").csrf(), "email": self.setup.email,
                                                     "password": self.setup.password})
                record(kind, sent, sent.status == 302 and "login" not in sent.location())

    async def run(self, rate, seconds, probe, monitor, grace=30.0):
        """Starts operations at rate per second for seconds; waits up to grace seconds for the last ones."""
        samples = {"page": []}
        latencies = {}
        errors = {}

        def record(kind, response, ok, page=False):
            if ok:
                latencies.setdefault(kind, []).append(response.seconds)
                if page:
                    samples["page"].append(response.seconds)
            else:
                word = f"{kind}:{response.status}"
                errors[word] = errors.get(word, 0) + 1

        began = time.monotonic()
        tasks = []
        lag = 0.0
        n = 0
        while True:
            at = began + n / rate
            if at >= began + seconds:
                break
            delay = at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            lag = max(lag, -delay)
            tasks.append(asyncio.ensure_future(self.operation(self.order[n % len(self.order)], record)))
            n += 1
        sent_until = time.monotonic()
        _, late = await asyncio.wait(tasks, timeout=grace) if tasks else (set(), set())
        for task in late:
            task.cancel()
        if late:
            errors["unfinished"] = len(late)
        ended = time.monotonic()
        probe_samples = probe.window(began, sent_until)
        pages = page_stats(probe_samples + [("workload", s, 200) for s in samples["page"]])
        for status, n in pages["all"]["errors"].items():
            errors[f"probe:{status}"] = n
        return {"rate": round(rate, 2), "seconds": round(sent_until - began, 1), "operations": n,
                "generator_lag_s": round(lag, 2), "tail_s": round(ended - sent_until, 1),
                "pages": pages, "page_p95_ms": worst_page_p95(pages), "errors": errors,
                "latency": {kind: percentiles(values) for kind, values in sorted(latencies.items())},
                "resources": monitor.window(began, ended)}


def step_passes(step):
    return (step["page_p95_ms"] is not None and step["page_p95_ms"] < PAGE_P95_MS and not step["errors"]
            and step["generator_lag_s"] < 1.0)


async def mixed_workload(args, tresor, setup, staff_cookie, downloads, probe, monitor):
    payload = os.urandom(args.submission_kib * KIB)
    log(f"Scenario 3: ramp of the mixed workload from {args.start_rate} operations/s, x1.5 every "
        f"{args.step_seconds} s, until pages' p95 passes {PAGE_P95_MS} ms or errors appear ...")
    share = Mixed.KINDS.count("submission") / len(Mixed.KINDS)
    ramp_tickets = await setup.tickets(args.ramp_tickets, "mixed-ticket")
    mixed = Mixed(tresor, setup, staff_cookie, downloads, ramp_tickets, payload)
    await mixed.prepare()
    steps = []
    best = None
    failing = None

    async def measured(rate):
        """One ramp step at rate: run, judged, kept and logged."""
        step = await mixed.run(rate, args.step_seconds, probe, monitor)
        step["passed"] = step_passes(step)
        steps.append(step)
        log(f"  {rate:6.1f} ops/s: pages p95 {ms(step['page_p95_ms'])}, errors {step['errors'] or 'none'}, "
            f"lag {step['generator_lag_s']} s, JVM CPU {step['resources'].get('jvm_cpu_share', 0):.0%} -> "
            f"{'passed' if step['passed'] else 'failed'}")
        return step

    rate = args.start_rate
    for _ in range(args.max_steps):
        step = await measured(rate)
        if not step["passed"]:
            failing = step
            break
        best = rate
        rate *= 1.5
    slower = rate
    for _ in range(3 if best is None else 0):
        # not even the first rate passed: halve it, at most three times, to find one that does
        slower /= 2
        step = await measured(slower)
        if step["passed"]:
            best = slower
            break
        failing = step
    if failing is not None and best is not None:
        between = math.sqrt(best * failing["rate"])
        step = await measured(between)
        if step["passed"]:
            best = between
        else:
            failing = step
    limit = limiting_resource(failing["resources"]) if failing else "not reached within the steps"
    hold, holds, sustained = None, [], None
    # a short step can pass at a rate that minutes cannot carry (the data grows, the SecuPass checks of the
    # downloads queue up): while a hold fails, the next one runs at two thirds of its rate, three holds at most
    for rate in ([best * (2 / 3) ** i for i in range(3)] if best is not None and args.mixed_seconds > 0 else []):
        needed = math.ceil(rate * args.mixed_seconds * share * 1.2) - len(mixed.tickets)
        if needed > 0:
            log(f"  requesting {needed} more tickets for the submissions of the hold ...")
            mixed.tickets += await setup.tickets(needed, "mixed-ticket")
        await settle(tresor, probe)  # no hold pays for the backlog of the one before
        log(f"  holding {rate:.1f} operations/s for {args.mixed_seconds} s ...")
        hold = await mixed.run(rate, args.mixed_seconds, probe, monitor)
        hold["passed"] = step_passes(hold)
        holds.append(hold)
        log(f"  held {rate:.1f} ops/s: pages p95 {ms(hold['page_p95_ms'])}, errors {hold['errors'] or 'none'} -> "
            f"{'sustained' if hold['passed'] else 'NOT sustained'}")
        if hold["passed"]:
            sustained = rate
            break
        if failing is None:
            limit = limiting_resource(hold["resources"])
    return {"start_rate": args.start_rate, "step_seconds": args.step_seconds, "mix": Mixed.KINDS,
            "submission_bytes": len(payload), "download_bytes": downloads[1], "steps": steps,
            "highest_passing_rate": round(best, 2) if best else 0.0, "limit": limit, "hold": hold, "holds": holds,
            "sustained_rate": round(sustained, 2) if sustained else None,
            "submissions_skipped_no_ticket": mixed.skipped}


# ---------------------------------------------------------------------------------------------- main


SCENARIOS = ("slow", "burst", "mixed")


def start_clamd(work):
    tools = clamav_tools()
    if not tools:
        raise Failed("--scan needs clamd and clamdscan (Debian: clamav-daemon, clamdscan)")
    clamd = Clamd(tools[0], os.path.join(work, "clamd"), CLAMD_STREAM_MAX_MIB, max_threads=CLAMD_THREADS)
    log(f"{clamd.version} (pid {clamd.pid}) listens on 127.0.0.1:{clamd.port}; every upload is scanned")
    return clamd


def java_version():
    """The first line of `java -version` that names the version (not JAVA_TOOL_OPTIONS' notice)."""
    text = command_output(["java", "-version"]) or subprocess.run(["java", "-version"], capture_output=True,
                                                                 text=True).stderr
    return next(line for line in text.splitlines() if not line.startswith("Picked up"))


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < needed:
        raise Failed(f"needs {needed} open files, the hard limit is {hard} (ulimit -Hn)")
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def check_loopback_addresses(count):
    for i in range(count):
        with socket.socket() as s:
            try:
                s.bind((f"127.0.0.{2 + i}", 0))
            except OSError as e:
                raise Failed(f"cannot send from 127.0.0.{2 + i}: {e}")


async def run(args, tresor, report):
    setup = Setup(tresor)
    setup.administrator()
    probe_cookie, monitor_cookie, staff_cookie = setup.session(), setup.session(), setup.session()
    probe = Probe(tresor.port, probe_cookie)
    monitor = Monitor(tresor.pid, tresor.port, monitor_cookie, probe.pid)
    monitor.start()
    try:
        uploads = args.uploads if "slow" in args.only else 0
        log(f"Requesting {uploads} tickets and opening their links ...")
        began = time.monotonic()
        forms = await setup.forms(await setup.tickets(uploads, "slow"))
        downloads = await setup.stored_submissions(2, args.download_kib * KIB, staff_cookie)
        report["setup_s"] = round(time.monotonic() - began)
        report["setup_resources"] = monitor.window(began, time.monotonic())
        log(f"  set up in {report['setup_s']} s ({report['setup_resources'].get('jvm_cpu_s')} CPU-seconds of the JVM); "
            "the fast client measures /submit/info, /login, /inbox meanwhile")
        await asyncio.sleep(3)
        report["idle_pages"] = page_stats(probe.window(time.monotonic() - 3, time.monotonic()))

        if "slow" in args.only:
            s1 = report["slow_uploads"] = await slow_uploads(args, tresor, forms, probe, monitor)
            print_slow_uploads(s1)
            await settle(tresor, probe)

        if "burst" in args.only:
            if args.warm_up_rounds:
                log(f"Warming up with {args.warm_up_rounds} bursts like the measured one (a server that has run for a "
                    "while has compiled their paths; a fresh JVM has not) ...")
                report["warm_up"] = await warm_up(args, tresor, setup, probe, monitor)
            s2 = report["burst"] = await burst(args, tresor, setup, probe, monitor)
            print_burst(s2)
            await settle(tresor, probe)

        if "mixed" in args.only:
            began = time.monotonic()
            s3 = report["mixed"] = await mixed_workload(args, tresor, setup, staff_cookie, downloads, probe, monitor)
            s3["wall_s"] = round(time.monotonic() - began)
            print_mixed(s3)
    finally:
        monitor.stop()
        probe.stop()
    report["peak_rss_mib_overall"] = proc_status(tresor.pid, "VmHWM")


async def settle(tresor, probe, limit=180):
    """Waits (bounded) until the server answers pages quickly again and its CPU is nearly idle (requests the clients
    gave up on, queued SecuPass checks and mails are done), so no scenario pays for the one before."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        response = await fetch(tresor.port, "GET", "/submit/info", timeout=30)
        before = process_seconds(tresor.pid)
        await asyncio.sleep(2)
        idle = (process_seconds(tresor.pid) - before) / 2 < SETTLED_CPU
        if response.status == 200 and response.seconds < 0.3 and idle:
            return
    log("  (the server did not settle within the limit; going on)")


def compiler_seconds(pid):
    """CPU time of the JIT's compiler threads so far (those still running: HotSpot may stop idle ones)."""
    total = 0.0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if "CompilerThre" not in f.read():
                    continue
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def warm_up(args, tresor, setup, probe, monitor):
    """Bursts like the measured one before it, --warm-up-rounds of them: on a server that has run for a while a
    burst meets compiled code, in a fresh JVM the compiler threads take most of a core (measured: 2.6 to 3.2
    CPU-seconds in the first burst of 200 + 200). The JIT never goes quiet, though: after 15 to 36 bursts its
    threads still used 0.4 to 1.1 CPU-seconds in each (the same with code cache flushing off), so the rounds are
    counted, not waited out. Each round's JIT time and worst page p95 are kept: the spread of the measured one."""
    rounds = []
    for _ in range(args.warm_up_rounds):
        result = await burst(args, tresor, setup, probe, monitor)
        rounds.append({"jit_cpu_s": result["jit_cpu_s"], "worst_page_p95_ms": worst_page_p95(result["pages"]),
                       "tickets_p95_ms": result["tickets"]["seconds"]["p95_ms"]})
        log(f"  warm-up round {len(rounds)}: {rounds[-1]}")
        await settle(tresor, probe)
    return rounds


def print_pages(title, pages):
    for path, entry in pages.items():
        log(f"    {title} {path:14} n={entry['n']:<5} p50 {ms(entry['p50_ms']):>9}  p95 {ms(entry['p95_ms']):>9}  "
            f"max {ms(entry['max_ms']):>9}  waiting {entry['waiting']}  errors {entry['errors'] or '-'}")


def print_slow_uploads(s):
    log(f"  uploads: {s['stored']} stored, {s['refused_at_once']} refused at once with 503, {s['other']} other "
        f"{s['outcomes']}; stored in {s['stored_seconds']}")
    log(f"  idle connections: {s['idle']}")
    print_pages("page", s["pages"])
    log(f"  resources: {s['resources']}; peak RSS {s['peak_rss_mib']} MiB; log {s['log']}")


def print_burst(s):
    log(f"  ticket requests: {s['tickets']['outcomes']}, {s['tickets']['seconds']}")
    log(f"  sign-ins: {s['sign_in']['outcomes']}, {s['sign_in']['seconds']}, {s['sign_in']['per_second']}/s")
    print_pages("page", s["pages"])
    log(f"  resources: {s['resources']}; the JIT's compiler threads {s['jit_cpu_s']} CPU-s; log {s['log']}")


def print_mixed(s):
    log(f"  highest rate with pages' p95 under {PAGE_P95_MS} ms and no errors: {s['highest_passing_rate']} "
        f"operations/s in the ramp, {s['sustained_rate'] or 'none'} held; limit: {s['limit']}")
    if s["hold"]:
        print_pages("page", s["hold"]["pages"])
        log(f"  operations: {s['hold']['latency']}")


def evaluate(report):
    s1, s2, s3 = report["slow_uploads"], report["burst"], report["mixed"]
    violations = burst_violations(s2)
    hold = s3["hold"]
    checks = {
        "slow-pages-p95": (worst_page_p95(s1["pages"]), PAGE_P95_MS),
        "burst-tickets-p95": (s2["tickets"]["seconds"]["p95_ms"], BURST_TICKET_P95_MS),
        "burst-pages-p95": (worst_page_p95(s2["pages"]), PAGE_P95_MS),
        "rss": (s1["peak_rss_mib"], RSS_LIMIT_MIB),
    }
    ratios = {name: (round(value / target, 2) if value is not None else None) for name, (value, target) in
              checks.items()}
    met = {name: ratio is not None and ratio < 1 for name, ratio in ratios.items()}
    met["uploads-stored-or-refused"] = s1["other"] == 0
    met["slow-no-500"] = s1["http_5xx_other_than_503"] == 0
    met["slow-pages-no-errors"] = not s1["pages"]["all"]["errors"]
    met["burst-no-500"] = violations["5xx"] == 0
    met["burst-no-failed-connections"] = violations["other"] == 0
    met["burst-pages-no-errors"] = not s2["pages"]["all"]["errors"]
    met["burst-no-pool-timeout"] = violations["pool_timeouts"] == 0
    met["burst-refusals-at-once"] = violations["slow_or_unclear_refusals"] == 0
    met["mixed-sustained"] = bool(hold and hold["passed"])
    line = (f"load: slow-pages-p95 {fmt(ratios['slow-pages-p95'])} of {PAGE_P95_MS} ms, "
            f"uploads-ok {s1['stored'] + s1['refused_at_once']}/{s1['uploads']} "
            f"(stored {s1['stored']}, refused {s1['refused_at_once']}), "
            f"uploads-other {s1['other']}, rss {fmt(ratios['rss'])} of 1 GiB, "
            f"burst-tickets-p95 {fmt(ratios['burst-tickets-p95'])} of 1 s, "
            f"burst-pages-p95 {fmt(ratios['burst-pages-p95'])}, burst-500 {violations['5xx']}, "
            f"burst-failed {violations['other']}, "
            f"burst-pool-timeouts {violations['pool_timeouts']}, "
            f"burst-slow-refusals {violations['slow_or_unclear_refusals']}, "
            f"sign-ins {s2['sign_in']['per_second']}/s, mixed {s3['highest_passing_rate']} ops/s in the ramp, "
            f"held {s3['sustained_rate'] or '-'} ops/s "
            f"({'sustained' if met['mixed-sustained'] else 'not sustained'}"
            f"{', pages-p95 ' + fmt(round(hold['page_p95_ms'] / PAGE_P95_MS, 2)) if hold and hold['page_p95_ms'] else ''}"
            f"; limit: {s3['limit']})")
    return ratios, met, violations, line


def write_report(report, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")


def fmt(value):
    return "-" if value is None else f"{value:.2f}"


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--probe":
        probe_main(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 200 uploads of 512 KiB, 200 idle connections, a burst of 100 + 100, "
                             "5 s ramp steps and a 30 s hold (about 5 minutes)")
    parser.add_argument("--uploads", type=int, help="concurrent slow uploads (1000; quick 200)")
    parser.add_argument("--idle", type=int, help="idle keep-alive connections meanwhile (1000; quick 200)")
    parser.add_argument("--upload-kib", type=int, help="size of a slow upload (2048; quick 512)")
    parser.add_argument("--burst-tickets", type=int, help="concurrent ticket requests (200; quick 100)")
    parser.add_argument("--burst-sign-ins", type=int, help="concurrent sign-ins (200; quick 100)")
    parser.add_argument("--addresses", type=int, default=20, help="loopback addresses of the burst (20)")
    parser.add_argument("--start-rate", type=float, default=4.0, help="first step of the ramp, operations/s (4)")
    parser.add_argument("--step-seconds", type=float, help="length of a ramp step (15; quick 5)")
    parser.add_argument("--max-steps", type=int, default=10, help="most ramp steps (10)")
    parser.add_argument("--mixed-seconds", type=float, help="the hold at the highest passing rate (300; quick 30)")
    parser.add_argument("--ramp-tickets", type=int, help="tickets for the ramp's submissions (300; quick 40)")
    parser.add_argument("--submission-kib", type=int, default=256, help="size of a mixed submission (256)")
    parser.add_argument("--download-kib", type=int, default=1024, help="size of a downloaded file (1024)")
    parser.add_argument("--work", default=os.path.join(ROOT, "target", "load"),
                        help="work directory (emptied first, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (data, log)")
    parser.add_argument("--no-build", action="store_true", help="use the jar already in target/")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the jar (tresor.account.max-concurrent-password-hashes=1), to try a "
                             "sizing; repeatable")
    parser.add_argument("--only", action="append", choices=SCENARIOS,
                        help="run just this scenario (repeatable), to try a change; no verdict, results in "
                             "load-partial.json")
    parser.add_argument("--warm-up-rounds", type=int,
                        help="bursts like the measured one before it, to warm the JIT (10; quick 2; 0 measures a fresh "
                             "JVM)")
    parser.add_argument("--scan", action="store_true",
                        help="with malware scanning on: an offline clamd of its own (MaxThreads 200, as "
                             "docker/clamav/clamd.conf), every upload streamed to it while it is encrypted")
    parser.add_argument("--output", help="results (bench/results/load.json; quick load-quick.json)")
    args = parser.parse_args()
    defaults = {"uploads": (1000, 200), "idle": (1000, 200), "upload_kib": (2048, 512), "burst_tickets": (200, 100),
                "burst_sign_ins": (200, 100), "warm_up_rounds": (10, 2), "step_seconds": (15, 5),
                "mixed_seconds": (300, 30), "ramp_tickets": (300, 40),
                "output": tuple(os.path.join(ROOT, "bench", "results", name)
                                for name in ("load.json", "load-quick.json"))}
    for name, (full, quick) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    partial = bool(args.only) and set(args.only) != set(SCENARIOS)
    args.only = args.only or list(SCENARIOS)
    if partial and args.output in defaults["output"]:
        args.output = os.path.join(ROOT, "bench", "results", "load-partial.json")

    raise_fd_limit(args.uploads + args.idle + args.burst_tickets + args.burst_sign_ins + 1024)
    check_loopback_addresses(args.addresses)
    began = time.time()
    load_start = load_average()
    log(f"Load average at start: {load_start}")
    jar = build(args.no_build)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
              "quick": args.quick, "arguments": {k: v for k, v in vars(args).items() if k not in ("work", "output")}}
    tresor = clamd = None
    try:
        settings = list(args.setting)
        if args.scan:
            clamd = start_clamd(work)
            report["clamd"] = clamd.version
            settings += ["tresor.scan.mode=clamd", "tresor.scan.clamd.host=127.0.0.1",
                         f"tresor.scan.clamd.port={clamd.port}"]
        started = time.monotonic()
        tresor = LoadTresor(jar, work, settings)
        report["startup_s"] = round(time.monotonic() - started)
        log(f"Tresor (pid {tresor.pid}, {HEAP}) listens on {tresor.base}, started in {report['startup_s']} s")
        asyncio.run(run(args, tresor, report))
    finally:
        if tresor:
            tresor.stop()
        if clamd:
            clamd.stop()
    leftovers = tresor.leftover_temp_files()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if partial:
        write_report(report, args.output)
        log(f"\nPartial run ({', '.join(args.only)}): no verdict; results in {args.output}")
        return 0

    ratios, met, violations, line = evaluate(report)
    report.update({
        "machine": {"cores": os.cpu_count(), "cpu": cpu_model(),
                    "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1 << 30)),
                    "java": java_version(),
                    "heap": HEAP},
        "load_average": {"start": load_start, "end": load_average()},
        "rate_limits": RATE_LIMITS, "temp_files_left": len(leftovers), "burst_violations": violations,
        "ratios": ratios, "targets_met": met, "duration_s": round(time.time() - began), "line": line})
    write_report(report, args.output)
    log(f"\nResults in {args.output}; {report['duration_s']} s; temp files left "
        f"{len(leftovers)}; load average at the end {report['load_average']['end']}")
    missed = [name for name, ok in met.items() if not ok]
    log("targets: " + ("all met" if not missed else "missed " + ", ".join(missed)))
    print(line)
    return 1 if missed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failed as e:
        print(f"load: FAILED: {e}", file=sys.stderr)
        sys.exit(2)

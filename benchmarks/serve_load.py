"""Load test of ``kg serve`` on loopback: concurrent clients send saved queries and ad-hoc SPARQL for a while.

Prints requests, errors, throughput, p50/p99 latency, and the resident memory (RSS) of the server and its
children (the Oxigraph engines and the query reader) over time, the second half of the run against the first.
Without ``--url`` it starts ``kg serve --port 0`` itself and stops it with SIGINT at the end, reporting its exit
code and any process left behind.

``--abusive N`` adds clients that send the worst queries found (a cartesian ORDER BY that grew the engine past
6 GB, a cartesian COUNT that runs until the timeout, a cartesian SELECT, a cartesian ORDER BY of patterns with a
constant predicate) one after another, and ``--slow N``
opens sockets that send a request a byte a second (slowloris), reopened when the server closes them; the
latency figures are the normal clients'. ``--distinct`` makes every normal request's text new (a comment
with a serial number), so that the server cannot answer it from the answers it keeps; ``--new-patterns N``
makes the texts of N of the normal clients new in their patterns too (a trailing ``VALUES ?request { serial }``,
one row joined to nothing: the same rows), so that the server must parse each of them anew (kg.serve.reading),
and reports the other clients' latency apart. ``--per-query`` adds each query's requests, mean and p99 latency.

    python benchmarks/serve_load.py --clients 8 --seconds 60
    python benchmarks/serve_load.py --clients 8 --abusive 8 --slow 150 --seconds 60
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROLOGUE = ("PREFIX mnd: <https://w3id.org/mnd-kg/ontology#>\nPREFIX kg: <https://w3id.org/mnd-kg/resource/>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
RESULTS = "application/sparql-results+json"
TRIPLES = "application/n-triples"
AD_HOC = (
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", RESULTS),
    ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", RESULTS),
    ("SELECT ?disease ?name WHERE { ?disease a mnd:Disease ; rdfs:label ?name } ORDER BY ?name", RESULTS),
    ("ASK { kg:ALS a mnd:NonDemyelinatingDisease }", RESULTS),
    ("SELECT ?class (COUNT(?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class LIMIT 20",
     RESULTS),
    ("CONSTRUCT WHERE { kg:ALS ?p ?o }", TRIPLES),
    ("DESCRIBE kg:SMA", TRIPLES),
)
WORST = (
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    # a product with constants: no pattern of variables alone, a sort that Oxigraph's timeout does not stop
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT * WHERE { ?a rdfs:label ?b . ?c rdfs:label ?d . ?e rdfs:label ?f } ORDER BY ?b ?d ?f",
)
CLIENT_TIMEOUT = 300  # seconds a client waits for an answer: beyond any --timeout of kg serve used here
STOP_SECONDS = 120  # for kg serve to stop after SIGINT, on a loaded machine
READY = re.compile(r"^kg serve: (http://\S+/) ")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    new_pattern_latencies: list[float] = field(default_factory=list)
    by_query: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    abusive: dict[str, int] = field(default_factory=dict)
    slow_closed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def workload() -> list[tuple[str, str, str]]:
    """Name, text and Accept of the saved queries (as their files stand, default parameters) and the ad-hoc ones."""
    saved = [(path.stem, path.read_text(encoding="utf-8"), RESULTS) for path in sorted((ROOT / "queries").glob("*.rq"))]
    return saved + [(f"ad-hoc-{n}", PROLOGUE + query, accept) for n, (query, accept) in enumerate(AD_HOC, start=1)]


def client(url: str, queries: list[tuple[str, str, str]], offset: int, stop_at: float, tally: Tally,
           distinct: bool = False, new_patterns: bool = False) -> None:
    """Send the queries round-robin from ``offset`` on one keep-alive connection until ``stop_at``; with
    ``distinct``, each with a comment naming the client and the request, so that no two texts are the same;
    with ``new_patterns``, with a trailing VALUES of the request's serial number instead."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    connection = http.client.HTTPConnection(host, parts.port, timeout=CLIENT_TIMEOUT)
    index = offset
    while time.monotonic() < stop_at:
        name, query, accept = queries[index % len(queries)]
        index += 1
        if new_patterns:
            query += f"\nVALUES ?request {{ {offset * 1_000_000 + index} }}"
        elif distinct:
            query += f"\n# client {offset} request {index}"
        body = urllib.parse.urlencode({"query": query})
        started = time.perf_counter()
        try:
            connection.request("POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                        "Accept": accept})
            response = connection.getresponse()
            payload = response.read()
            elapsed = time.perf_counter() - started
            with tally.lock:
                if response.status == 200 and new_patterns:
                    tally.new_pattern_latencies.append(elapsed)
                elif response.status == 200:
                    tally.latencies.append(elapsed)
                    tally.by_query.setdefault(name, []).append(elapsed)
                else:
                    tally.errors.append(f"{response.status}: {payload[:200]!r}")
        except (OSError, http.client.HTTPException) as error:
            with tally.lock:
                tally.errors.append(f"{error.__class__.__name__}: {error}")
            connection.close()
            connection = http.client.HTTPConnection(host, parts.port, timeout=CLIENT_TIMEOUT)
    connection.close()


def abuser(url: str, offset: int, stop_at: float, tally: Tally) -> None:
    """Send the worst queries one after another until ``stop_at``; tally the answers' statuses."""
    parts = urllib.parse.urlsplit(url)
    index = offset
    while time.monotonic() < stop_at:
        query = WORST[index % len(WORST)]
        index += 1
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=CLIENT_TIMEOUT)
        try:
            connection.request("POST", "/query", urllib.parse.urlencode({"query": query}),
                               {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS})
            response = connection.getresponse()
            response.read()
            outcome = str(response.status)
        except (OSError, http.client.HTTPException) as error:
            outcome = error.__class__.__name__
            time.sleep(0.1)
        finally:
            connection.close()
        with tally.lock:
            tally.abusive[outcome] = tally.abusive.get(outcome, 0) + 1


def slow_sockets(url: str, count: int, stop_at: float, tally: Tally) -> None:
    """Keep ``count`` sockets sending a request a byte a second; count the times the server closed one."""
    parts = urllib.parse.urlsplit(url)
    address = (parts.hostname or "127.0.0.1", parts.port or 80)
    sockets: list[socket.socket | None] = [None] * count
    while time.monotonic() < stop_at:
        for index, connection in enumerate(sockets):
            try:
                if connection is None:
                    connection = sockets[index] = socket.create_connection(address, timeout=5)
                    connection.sendall(b"GET /query?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                else:
                    connection.sendall(b"X")
            except OSError:
                if connection is not None:
                    connection.close()
                    with tally.lock:
                        tally.slow_closed += 1
                sockets[index] = None
        time.sleep(1)
    for connection in sockets:
        if connection is not None:
            connection.close()


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


def children_of(pid: int) -> list[int]:
    try:
        return sorted(int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                      for child in (task / "children").read_text().split())
    except OSError:
        return []


def run_load(url: str, pids: list[int], clients: int, seconds: float, abusive: int = 0, slow: int = 0,
             distinct: bool = False, new_patterns: int = 0, per_query: bool = False) -> dict:
    """Drive the server at ``url`` for ``seconds``; sample the RSS of ``pids`` (and their children, which a
    restarted engine changes) twice a second."""
    queries = workload()
    tally = Tally()
    samples: list[tuple[float, int]] = []
    started = time.monotonic()
    stop_at = started + seconds
    threads = [threading.Thread(target=client, args=(url, queries, i * 7, stop_at, tally, distinct, i < new_patterns))
               for i in range(clients)]
    threads += [threading.Thread(target=abuser, args=(url, i, stop_at, tally)) for i in range(abusive)]
    if slow:
        threads.append(threading.Thread(target=slow_sockets, args=(url, slow, stop_at, tally)))
    for thread in threads:
        thread.start()
    while time.monotonic() < stop_at:
        watched = {*pids, *(child for pid in pids[:1] for child in children_of(pid))}
        samples.append((time.monotonic() - started, sum(rss_kib(pid) for pid in watched)))
        time.sleep(0.5)
    for thread in threads:
        thread.join()
    first = [rss for moment, rss in samples if moment < seconds / 2] or [0]
    second = [rss for moment, rss in samples if moment >= seconds / 2] or [0]
    latencies = sorted(tally.latencies)
    new_pattern_latencies = sorted(tally.new_pattern_latencies)

    def percentile(share: float, measured: list[float] = latencies) -> float:
        return measured[min(len(measured) - 1, int(share * len(measured)))] * 1000 if measured else 0.0

    slowest = sorted(((statistics.fmean(times), name) for name, times in tally.by_query.items()), reverse=True)[:3]
    figures = {
        "clients": clients,
        "abusive_clients": abusive,
        "slow_sockets": slow,
        "distinct_texts": distinct,
        "clients_with_new_patterns": new_patterns,
        "abusive_answers": dict(sorted(tally.abusive.items())),
        "slow_sockets_closed_by_server": tally.slow_closed,
        "seconds": seconds,
        "queries_in_mix": len(queries),
        "requests": len(latencies) + len(new_pattern_latencies) + len(tally.errors),
        "errors": len(tally.errors),
        "first_errors": tally.errors[:5],
        "requests_per_second": round((len(latencies) + len(new_pattern_latencies) + len(tally.errors)) / seconds, 1),
        "p50_ms": round(percentile(0.50), 1),
        "p99_ms": round(percentile(0.99), 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
        "new_patterns_requests": len(new_pattern_latencies),
        "new_patterns_p50_ms": round(percentile(0.50, new_pattern_latencies), 1),
        "new_patterns_p99_ms": round(percentile(0.99, new_pattern_latencies), 1),
        "slowest_mean_ms": {name: round(mean * 1000, 1) for mean, name in slowest},
        "rss_mib_start": round(samples[0][1] / 1024, 1) if samples else 0.0,
        "rss_mib_first_half_max": round(max(first) / 1024, 1),
        "rss_mib_second_half_max": round(max(second) / 1024, 1),
        "rss_mib_end": round(samples[-1][1] / 1024, 1) if samples else 0.0,
    }
    if per_query:
        figures["per_query_ms"] = {name: {"requests": len(times), "mean": round(statistics.fmean(times) * 1000, 1),
                                          "p99": round(percentile(0.99, sorted(times)), 1)}
                                   for name, times in sorted(tally.by_query.items())}
    return figures


def start_server(timeout: float | None = None) -> tuple[subprocess.Popen, str]:
    """``kg serve --port 0`` (with ``--timeout`` when given) in a child process, once it prints its URL."""
    options = ["--timeout", f"{timeout:g}"] if timeout is not None else []
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", "0", *options], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    match = READY.match(line)
    if not match:
        process.kill()
        raise SystemExit(f"kg serve did not start: {line!r}")
    return process, match.group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--abusive", type=int, default=0, help="clients sending the worst queries found")
    parser.add_argument("--slow", type=int, default=0, help="slowloris sockets")
    parser.add_argument("--distinct", action="store_true", help="a new text for every normal request (no answer "
                                                                    "kept by the server applies)")
    parser.add_argument("--new-patterns", type=int, default=0, metavar="N",
                        help="clients whose texts are new in their patterns (each parsed anew by the server)")
    parser.add_argument("--per-query", action="store_true", help="each query's requests, mean and p99 latency")
    parser.add_argument("--server-timeout", type=float, help="kg serve's --timeout (default: its own)")
    parser.add_argument("--url", help="a running kg serve (its RSS is then not measured)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    options = parser.parse_args()
    process = None
    if options.url:
        url, pids = options.url, []
    else:
        process, url = start_server(options.server_timeout)
        pids = [process.pid, *children_of(process.pid)]
    try:
        figures = run_load(url, pids, options.clients, options.seconds, options.abusive, options.slow,
                           options.distinct, options.new_patterns, options.per_query)
    finally:
        if process is not None:
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=STOP_SECONDS)
    if process is not None:
        figures["server_exit_code"] = code
        figures["left_running"] = [pid for pid in pids[1:] if rss_kib(pid)]
    if options.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for key, value in figures.items():
            if key == "per_query_ms":
                for name, query in value.items():
                    print(f"{name:>24}: {query['requests']} requests, mean {query['mean']} ms, p99 {query['p99']} ms")
            else:
                print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()

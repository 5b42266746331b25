"""A short, bounded load test of `kg serve` (benchmarks/serve_load.py): no errors and no runaway memory, never speed.

The benchmark starts its own server on 127.0.0.1 and stops it with SIGINT, so this also checks that SIGINT stops
the server cleanly (exit 0) with no Oxigraph child left behind. Its queries are all ordinary (under 0.3 s of CPU
each): no answer may be an error, however loaded the machine. The server's --timeout is SERVER_TIMEOUT, six times
its default, so that a query starved of the CPU by other jobs on the machine is answered late rather than refused;
before kg.serve.schedule judged queries by CPU time, such a query was sent to the heavy lane and refused there
(503 retry later), which made this test fail under load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.serving import require_oxigraph

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "serve_load.py"
SERVER_TIMEOUT = 60  # seconds: kg serve's default is 10
MEMORY_GROWTH = 1.5  # the second half's peak RSS against the first half's: generous, for a shared machine


def test_four_clients_for_ten_seconds_without_errors_or_memory_growth() -> None:
    require_oxigraph()
    done = subprocess.run([sys.executable, str(BENCHMARK), "--clients", "4", "--seconds", "10",
                           "--server-timeout", str(SERVER_TIMEOUT), "--json"],
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["requests"] > 0
    assert (figures["errors"], figures["first_errors"]) == (0, [])
    assert figures["rss_mib_second_half_max"] <= MEMORY_GROWTH * figures["rss_mib_first_half_max"], figures
    assert (figures["server_exit_code"], figures["left_running"]) == (0, [])

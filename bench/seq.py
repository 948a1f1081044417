#!/usr/bin/env python3
"""One person's view: requests one after another on one kept-alive connection, each timed on its own.

    bench/seq.py URL_OR_TEMPLATE [--ids FILE] [--token T] [--cookie C] [--seconds 15] [--warmup 5]

wrk's latency percentiles at one connection did not agree with its own request counts on this machine (a p95 of
300 ms in a run whose 15,000 requests fitted in 15 s), so single-connection figures are measured with this instead.
Prints one line: BENCH_SEQ requests=… rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=… non2xx=…
"""
import argparse
import http.client
import itertools
import time
import urllib.parse


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url", help="full URL; with --ids, a template with one %%s")
    ap.add_argument("--ids")
    ap.add_argument("--token")
    ap.add_argument("--cookie")
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--warmup", type=float, default=5)
    a = ap.parse_args()

    ids = [line.strip() for line in open(a.ids) if line.strip()] if a.ids else [""]
    first = urllib.parse.urlsplit(a.url.replace("%s", ids[0]))
    conn = http.client.HTTPConnection(first.hostname, first.port or 80)
    headers = {}
    if a.token:
        headers["Authorization"] = "Bearer " + a.token
    if a.cookie:
        headers["Cookie"] = a.cookie

    def one(path: str) -> tuple[float, int]:
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        # A renewed sign-in cookie is kept, as a browser keeps it.
        renewed = response.getheader("Set-Cookie")
        if renewed and renewed.startswith("senco.auth=") and a.cookie:
            value = renewed.split(";", 1)[0]
            headers["Cookie"] = "; ".join(value if c.strip().startswith("senco.auth=") else c.strip() for c in headers["Cookie"].split(";"))
        return time.perf_counter() - start, response.status

    paths = itertools.cycle(urllib.parse.urlsplit(a.url.replace("%s", i)).path for i in ids)
    end = time.perf_counter() + a.warmup
    while time.perf_counter() < end:
        one(next(paths))

    times, bad = [], 0
    began = time.perf_counter()
    end = began + a.seconds
    while time.perf_counter() < end:
        t, status = one(next(paths))
        times.append(t)
        bad += status >= 300
    took = time.perf_counter() - began
    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(p / 100 * len(times)))] * 1000

    print(f"BENCH_SEQ requests={len(times)} seconds={took:.2f} rps={len(times) / took:.1f} p50_ms={pct(50):.2f} "
          f"p95_ms={pct(95):.2f} p99_ms={pct(99):.2f} max_ms={times[-1] * 1000:.2f} non2xx={bad}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""tinykg in the peer benchmark: fresh database, bulk load, warm queries.

usage: tinykg_bench.py --tinykg BIN [--workdir DIR] [--repeat N] DATA.nt Q1.rq [Q2.rq ...]

Load is `tinykg --db DIR load DATA` in its own process (wall time of that
process, peak RSS from getrusage).  Each query runs in one process with
`tinykg query --repeat N --format json`: the engine runs it N times in-process
and prints the median and the first run on stderr; N is large enough that the
cold first run (which also fills the store's scan cache) does not move the
median.  The JSON results of the last run go to $ROWS_DIR/tinykg-<data>-<query>.json
when ROWS_DIR is set, for the row comparison in report.py.  Prints one JSON object on stdout.
"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time


def log(*a):
    print("tinykg:", *a, file=sys.stderr, flush=True)


def main(argv):
    binary, workdir, repeat = "tinykg", "/tmp/peers/tinykg", 21
    while argv and argv[0].startswith("--"):
        k, v = argv[0], argv[1]
        argv = argv[2:]
        if k == "--tinykg":
            binary = v
        elif k == "--workdir":
            workdir = v
        elif k == "--repeat":
            repeat = int(v)
    data, qfiles = os.path.abspath(argv[0]), argv[1:]
    name = os.path.splitext(os.path.basename(data))[0]
    db = os.path.join(workdir, "db-" + name)
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(workdir, exist_ok=True)

    t0 = time.perf_counter()
    out = subprocess.run([binary, "--db", db, "load", data], capture_output=True, text=True, check=True).stdout
    load_s = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    triples = int(re.search(r"loaded (\d+) triples", out).group(1))
    log("loaded", triples, "triples in %.2f s" % load_s)

    rows_dir = os.environ.get("ROWS_DIR")
    queries = []
    for qf in qfiles:
        qname = os.path.basename(qf)
        p = subprocess.run([binary, "--db", db, "query", "-f", qf, "--format", "json", "--repeat", str(repeat)],
                           capture_output=True, text=True, check=True)
        m = re.search(r"^(\d+) rows; \d+ runs: median ([0-9.]+) ms, min ([0-9.]+) ms, max ([0-9.]+) ms, "
                      r"first ([0-9.]+) ms",
                      p.stderr, re.M)
        if not m:
            raise RuntimeError("unexpected tinykg output: " + p.stderr[-2000:])
        rows = len(json.loads(p.stdout)["results"]["bindings"])
        if rows_dir:
            with open(os.path.join(rows_dir, "tinykg-%s-%s.json" % (name, qname)), "w") as f:
                f.write(p.stdout)
        queries.append({"query": qname, "rows": rows, "runs": repeat, "median_ms": float(m.group(2)),
                        "min_ms": float(m.group(3)), "max_ms": float(m.group(4)),
                        "first_ms": float(m.group(5))})
        log(qname, rows, "rows, median %s ms" % m.group(2))

    # tinykg has no --version: the commit of the tree the script sits in names the build.
    version = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "describe", "--always",
                              "--dirty"], capture_output=True, text=True).stdout.strip()
    print(json.dumps({
        "peer": "tinykg", "version": version or "?", "runtime": "Release build, in-process (tinykg query --repeat %d)" % repeat,
        "data": os.path.basename(data), "triples": triples, "load_s": load_s,
        "peak_rss_kb": peak_kb, "db_bytes": sum(os.path.getsize(os.path.join(db, f)) for f in os.listdir(db)),
        "queries": queries}))


if __name__ == "__main__":
    main(sys.argv[1:])

#!/bin/sh
# Stops the Virtuoso started by start_virtuoso.sh DIR (its data is thrown away).
dir=$1
[ -f "$dir/virtuoso.pid" ] || exit 0
pid=$(cat "$dir/virtuoso.pid")
kill "$pid" 2>/dev/null || exit 0
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 "$pid" 2>/dev/null || true
rm -f "$dir/virtuoso.pid"

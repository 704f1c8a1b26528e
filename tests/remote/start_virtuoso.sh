#!/bin/sh
# Starts a throw-away Virtuoso 7 for the remote-store tests and benchmarks.
#
#   start_virtuoso.sh DIR [SQL_PORT HTTP_PORT [BUFFERS]]
#
# Writes DIR/virtuoso.ini (database files in DIR, loopback ports given or
# chosen free), starts virtuoso-t in the foreground as a background job,
# waits until /sparql answers, lets the anonymous SPARQL user update (the
# tests and benchmarks write through the plain /sparql endpoint) and prints
#   virtuoso: pid PID http://127.0.0.1:HTTP_PORT/sparql
# Stop it with stop_virtuoso.sh DIR. Fails (exit 1, reason on stderr) if
# Virtuoso is not installed or does not come up within TINYKG_VIRTUOSO_WAIT_S
# seconds (default 180: creating the database takes ~5 s on an idle machine
# but close to a minute on a busy CI runner).
set -eu
dir=$1
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
sql_port=${2:-$(free_port)}
http_port=${3:-$(free_port)}
buffers=${4:-20000}  # 8 kB pages: 20000 = 160 MB, enough for the 10k fleet
for tool in virtuoso-t isql-vt curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start_virtuoso: $tool not installed" >&2; exit 1; }
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = $buffers
MaxDirtyBuffers = $((buffers * 3 / 4))
ThreadsPerQuery = 2
; Without this the optimizer may spend 30 s on the 15-way join of case study 3.
StopCompilerWhenXOverRunTime = 1
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $dir
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
INI
cd "$dir"
virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1 &
pid=$!
echo "$pid" > "$dir/virtuoso.pid"
echo "$sql_port" > "$dir/sql.port"
echo "$http_port" > "$dir/http.port"
url="http://127.0.0.1:$http_port/sparql"
wait_s=${TINYKG_VIRTUOSO_WAIT_S:-180}
i=0
until curl -sf -o /dev/null "$url?query=ASK%7B%7D"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start_virtuoso: virtuoso-t exited: $(tail -n 3 "$dir/virtuoso.log" 2>/dev/null | tr '\n' ' ')" >&2
    exit 1
  fi
  i=$((i + 1))
  if [ "$i" -gt $((wait_s * 10)) ]; then
    echo "start_virtuoso: no answer on $url after $wait_s s" >&2
    kill "$pid"
    exit 1
  fi
  sleep 0.1
done
isql-vt "127.0.0.1:$sql_port" dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";' >"$dir/isql.log" 2>&1 || {
  echo "start_virtuoso: isql-vt could not grant SPARQL_UPDATE: $(tail -n 2 "$dir/isql.log" | tr '\n' ' ')" >&2
  kill "$pid"
  exit 1
}
# A test binary that crashes never runs stop_virtuoso.sh: with
# TINYKG_VIRTUOSO_OWNER_PID set, a watchdog stops Virtuoso when that process ends.
if [ -n "${TINYKG_VIRTUOSO_OWNER_PID:-}" ]; then
  owner=$TINYKG_VIRTUOSO_OWNER_PID
  (while kill -0 "$owner" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 1; done
   kill "$pid" 2>/dev/null) >/dev/null 2>&1 </dev/null &
fi
echo "virtuoso: pid $pid $url"

#!/usr/bin/env bash
# The real program, as `make run` starts it: load data into a fresh file, serve on a free
# loopback port, answer /health and a seat query, stop cleanly on SIGTERM.
# usage: serve_smoke_test.sh JANSAMPARK_BINARY DATA_DIR
set -euo pipefail
bin=$1
data=$2
work=$(mktemp -d)
server=
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" data load --db "$work/t.db" --data "$data" >/dev/null
"$bin" serve --db "$work/t.db" --http 127.0.0.1:0 >"$work/out" 2>"$work/err" &
server=$!

port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/out")
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || { echo "server died: $(cat "$work/err")"; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "server printed no port"; exit 1; }

health=$(curl -sf --max-time 10 "http://127.0.0.1:$port/health")
grep -q '"seats":543' <<<"$health" || { echo "unexpected /health: $health"; exit 1; }
weak=$(curl -sf --max-time 10 "http://127.0.0.1:$port/api/seats/weak?party=BJP&top=1")
grep -q '"rank":1' <<<"$weak" || { echo "unexpected /api/seats/weak: $weak"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/api/seats/weak?party=NOPE")
[[ "$status" == 400 ]] || { echo "unknown party gave HTTP $status, not 400"; exit 1; }

kill -TERM "$server"
code=0
wait "$server" || code=$?
server=
[[ $code -eq 0 ]] || { echo "server exited $code after SIGTERM: $(cat "$work/err")"; exit 1; }
grep -q "jansampark stopped" "$work/out" || { echo "no clean stop message"; exit 1; }
echo "serve smoke test passed on port $port"

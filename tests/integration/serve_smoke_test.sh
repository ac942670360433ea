#!/usr/bin/env bash
# The real program, as `make run` starts it: load data into a fresh file, serve on free
# loopback ports, answer /health and a seat query, answer SIP OPTIONS with 200 (as carriers and
# load balancers probe), load a campaign's uploaded prompt, stop cleanly on SIGTERM.
# usage: serve_smoke_test.sh JANSAMPARK_BINARY DATA_DIR EXAMPLES_DIR
set -euo pipefail
bin=$1
data=$2
examples=$3
work=$(mktemp -d)
server=
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" data load --db "$work/t.db" --data "$data" >/dev/null
# A campaign's uploaded prompt (one second of a synthetic tone) is loaded by serve at start.
"$bin" campaign add "$examples/campaigns/rally-broadcast.json" --db "$work/t.db" >/dev/null
python3 - "$work/tone.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 4))) for i in range(8000)))
PY
"$bin" campaign prompt add rally-broadcast rally_invite "$work/tone.wav" --db "$work/t.db" >/dev/null
# A port free for both UDP and TCP, for SIP.
sip_port=$(python3 -c '
import socket
while True:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
    port = u.getsockname()[1]
    t = socket.socket()
    try:
        t.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
    finally:
        t.close(); u.close()
')
"$bin" serve --db "$work/t.db" --http 127.0.0.1:0 --sip "127.0.0.1:$sip_port" \
  --rtp-ports 30000-30100 >"$work/out" 2>"$work/err" &
server=$!

port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/out")
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || { echo "server died: $(cat "$work/err")"; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "server printed no port"; exit 1; }
grep -q "prompts: .*, 1 uploaded by campaigns" "$work/out" ||
  { echo "serve did not load the uploaded prompt: $(cat "$work/out")"; exit 1; }

health=$(curl -sf --max-time 10 "http://127.0.0.1:$port/health")
grep -q '"seats":543' <<<"$health" || { echo "unexpected /health: $health"; exit 1; }
weak=$(curl -sf --max-time 10 "http://127.0.0.1:$port/api/seats/weak?party=BJP&top=1")
grep -q '"rank":1' <<<"$weak" || { echo "unexpected /api/seats/weak: $weak"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/api/seats/weak?party=NOPE")
[[ "$status" == 400 ]] || { echo "unknown party gave HTTP $status, not 400"; exit 1; }

# SIP OPTIONS over UDP: the first line of the answer must be "SIP/2.0 200 OK".
options=$(python3 - "$sip_port" <<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
me = s.getsockname()[1]
request = ("OPTIONS sip:127.0.0.1:%d SIP/2.0\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-smoke1\r\n"
           "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=smoke\r\n"
           "To: <sip:127.0.0.1:%d>\r\nCall-ID: smoke-options@127.0.0.1\r\n"
           "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n") % (port, me, port)
s.settimeout(5)
for attempt in range(3):
    s.sendto(request.encode(), ("127.0.0.1", port))
    try:
        print(s.recvfrom(65535)[0].decode(errors="replace").split("\r\n")[0]); break
    except socket.timeout:
        pass
PY
)
[[ "$options" == "SIP/2.0 200 OK" ]] || { echo "SIP OPTIONS answered '$options', not 200"; exit 1; }

kill -TERM "$server"
code=0
wait "$server" || code=$?
server=
[[ $code -eq 0 ]] || { echo "server exited $code after SIGTERM: $(cat "$work/err")"; exit 1; }
grep -q "jansampark stopped" "$work/out" || { echo "no clean stop message"; exit 1; }
echo "serve smoke test passed on port $port"

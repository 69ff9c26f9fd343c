#!/usr/bin/env bash
# Load test of the web host, side by side in one run: GET /healthz, POST /api/ask (the question mix of
# bench/questions.txt) and POST /api/messages (expectReplies), each for DURATION with wrk, then the
# host's peak memory. Loopback only, bounded in time; it starts and stops the host itself with an
# index folder of its own. Usage: bench/load.sh   (DURATION=20s CONNECTIONS=16 PORT=5181 HOST_ARGS=... to change)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/host.sh

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-5181}
URL="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

build_host
work=$(mktemp -d)
trap 'stop_host; rm -rf "$work"' EXIT
start_host "$PORT" "$work/index" "$work/host.log"
wait_ready "$PORT" 180

# Each endpoint must work before it is timed: an answer with quotes, and the bot's reply in the response.
curl -fs -H 'Content-Type: application/json' -d '{"question":"Can kratom cause hair loss?"}' "$URL/api/ask" | grep -Eq '"status": *"answered"' \
  || { echo "/api/ask does not answer" >&2; exit 1; }
curl -fs -H 'Content-Type: application/json' -d '{"type":"message","id":"check","text":"Can kratom cause hair loss?","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":"user"},"recipient":{"id":"bot"},"conversation":{"id":"check"}}' \
  "$URL/api/messages" | grep -Eq '"type": *"message"' || { echo "/api/messages does not reply" >&2; exit 1; }

# run NAME SCRIPT PATH: a short warm-up, then the measured run; prints the RESULT line.
run() {
  wrk -t1 -c"$CONNECTIONS" -d3s --timeout 10s -s "bench/wrk/$2" "$URL$3" >/dev/null
  printf '%-14s ' "$1"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "bench/wrk/$2" "$URL$3" | grep '^RESULT' | sed 's/^RESULT //'
}

echo "host: $(nproc) cores, .NET $(dotnet --version), wrk 1 thread x $CONNECTIONS connections x $DURATION per endpoint, on $URL"
rate_limiter_note
[ -n "${HOST_ARGS:-}" ] && echo "host settings: $HOST_ARGS"
results=$(
  run "GET /healthz" healthz.lua /healthz
  run "POST /api/ask" ask.lua /api/ask
  run "POST /api/messages" messages.lua /api/messages
)
echo "$results"

rps() { echo "$results" | grep "^$1" | sed 's/.* rps=\([0-9.]*\).*/\1/'; }
awk -v ask="$(rps 'POST /api/ask')" -v health="$(rps 'GET /healthz')" -v messages="$(rps 'POST /api/messages')" \
  'BEGIN { printf "ratio /api/ask : /healthz = %.2f   /api/messages : /healthz = %.2f   (goal: /api/ask >= 0.50)\n", ask / health, messages / health }'
echo "peak working set (VmHWM) of the host: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$HOST_PID/status")"
if echo "$results" | grep -qv 'errors=0 non2xx=0'; then echo "ERRORS during the load: see the lines above" >&2; exit 1; fi

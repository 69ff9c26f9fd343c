#!/usr/bin/env bash
# Load test of the web host, side by side in one run: GET /healthz, POST /api/ask (the question mix of
# bench/questions.txt), POST /api/messages (expectReplies; the bot's state read and written each time)
# and a Direct Line poll (as Web Chat polls), each for DURATION with wrk, then the host's peak memory.
# Loopback only, bounded in time; it starts and stops the host itself with an index folder of its own.
# REDIS=1 keeps the conversation store on a redis-server it starts beside the host (on PORT+1, in a
# temporary folder, installed with apt-get when missing) and reports that server's peak memory too.
# Usage: bench/load.sh   (DURATION=20s CONNECTIONS=16 PORT=5181 HOST_ARGS=... REDIS=1 to change)
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
REDIS_PID=""
stop_redis() { if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi; }
trap 'stop_host; stop_redis; rm -rf "$work"' EXIT
if [ -n "${REDIS:-}" ]; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "installing redis-server..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  fi
  redis-server --bind 127.0.0.1 --port $((PORT + 1)) --dir "$work" --save "" --appendonly no >"$work/redis.log" 2>&1 &
  REDIS_PID=$!
  HOST_ARGS="${HOST_ARGS:-} --ConnectionStrings:Redis=127.0.0.1:$((PORT + 1))"
fi
start_host "$PORT" "$work/index" "$work/host.log"
wait_ready "$PORT" 180

# Each endpoint must work before it is timed: an answer with quotes, and the bot's reply in the response.
curl -fs -H 'Content-Type: application/json' -d '{"question":"Can kratom cause hair loss?"}' "$URL/api/ask" | grep -Eq '"status": *"answered"' \
  || { echo "/api/ask does not answer" >&2; exit 1; }
curl -fs -H 'Content-Type: application/json' -d '{"type":"message","id":"check","text":"Can kratom cause hair loss?","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":"user"},"recipient":{"id":"bot"},"conversation":{"id":"check"}}' \
  "$URL/api/messages" | grep -Eq '"type": *"message"' || { echo "/api/messages does not reply" >&2; exit 1; }

# One Direct Line conversation with a question and its answer in it, for the polls.
conversation=$(curl -fs -X POST "$URL/v3/directline/tokens/generate")
token=$(echo "$conversation" | sed 's/.*"token":"\([^"]*\)".*/\1/')
started=$(curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' "$URL/v3/directline/conversations")
export DL_TOKEN=$(echo "$started" | sed 's/.*"token":"\([^"]*\)".*/\1/')
conversation_id=$(echo "$started" | sed 's/.*"conversationId":"\([^"]*\)".*/\1/')
curl -fs -H "Authorization: Bearer $DL_TOKEN" -H 'Content-Type: application/json' -d '{"type":"message","text":"Can kratom cause hair loss?","from":{"id":"load"}}' \
  "$URL/v3/directline/conversations/$conversation_id/activities" >/dev/null || { echo "the Direct Line does not take a message" >&2; exit 1; }
curl -fs -H "Authorization: Bearer $DL_TOKEN" "$URL/v3/directline/conversations/$conversation_id/activities?watermark=0" | grep -q 'blockquote\|> ' \
  || { echo "the Direct Line does not answer" >&2; exit 1; }

# run NAME SCRIPT PATH: a short warm-up, then the measured run; prints the RESULT line.
run() {
  wrk -t1 -c"$CONNECTIONS" -d3s --timeout 10s -s "bench/wrk/$2" "$URL$3" >/dev/null
  printf '%-14s ' "$1"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "bench/wrk/$2" "$URL$3" | grep '^RESULT' | sed 's/^RESULT //'
}

echo "host: $(nproc) cores, .NET $(dotnet --version), wrk 1 thread x $CONNECTIONS connections x $DURATION per endpoint, on $URL"
rate_limiter_note
echo "conversation store: $([ -n "${REDIS:-}" ] && echo "Redis ($(redis-server --version | sed 's/ sha=.*//'), on loopback)" || echo "in process")"
[ -n "${HOST_ARGS:-}" ] && echo "host settings: $HOST_ARGS"
results=$(
  run "GET /healthz" healthz.lua /healthz
  run "POST /api/ask" ask.lua /api/ask
  run "POST /api/messages" messages.lua /api/messages
  run "GET DL poll" poll.lua "/v3/directline/conversations/$conversation_id/activities?watermark=1"
)
echo "$results"

rps() { echo "$results" | grep "^$1" | sed 's/.* rps=\([0-9.]*\).*/\1/'; }
awk -v ask="$(rps 'POST /api/ask')" -v health="$(rps 'GET /healthz')" -v messages="$(rps 'POST /api/messages')" -v poll="$(rps 'GET DL poll')" \
  'BEGIN { printf "ratio /api/ask : /healthz = %.2f   /api/messages : /healthz = %.2f   DL poll : /healthz = %.2f   (goal: /api/ask >= 0.50)\n", ask / health, messages / health, poll / health }'
echo "peak working set (VmHWM) of the host: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$HOST_PID/status")"
[ -n "$REDIS_PID" ] && echo "peak working set (VmHWM) of redis-server: $(awk '/VmHWM/ { printf "%.1f MB", $2 / 1024 }' "/proc/$REDIS_PID/status")"
if echo "$results" | grep -qv 'errors=0 non2xx=0'; then echo "ERRORS during the load: see the lines above" >&2; exit 1; fi

#!/usr/bin/env bash
# Start-up: milliseconds from starting the web host (Release build, loopback) to its first answered
# question, with the index missing (built on start) and present (opened), RUNS times each, medians.
# Usage: bench/startup.sh   (RUNS=5 PORT=5182 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/host.sh

RUNS=${RUNS:-5}
PORT=${PORT:-5182}
QUESTION='{"question":"Can kratom cause hair loss?"}'

build_host
work=$(mktemp -d)
trap 'stop_host; rm -rf "$work"' EXIT

# first_answer INDEX_FOLDER: ms from process start until POST /api/ask answers with quotes.
first_answer() {
  local start deadline
  start=$(now_ms)
  start_host "$PORT" "$1" "$work/host.log"
  deadline=$((SECONDS + 120))
  until curl -fs -H 'Content-Type: application/json' -d "$QUESTION" "http://127.0.0.1:$PORT/api/ask" 2>/dev/null | grep -Eq '"status": *"answered"'; do
    if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "$HOST_PID" 2>/dev/null; then
      echo "no answer within 120 s; the host's log: $work/host.log" >&2
      return 1
    fi
    sleep 0.01
  done
  echo $(( $(now_ms) - start ))
  stop_host
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

missing=()
present=()
for _ in $(seq "$RUNS"); do
  rm -rf "$work/index"
  missing+=("$(first_answer "$work/index")")
  present+=("$(first_answer "$work/index")")
done
echo "host: $(nproc) cores, .NET $(dotnet --version), $RUNS runs each, first question: $QUESTION"
echo "index missing (built on start): median $(printf '%s\n' "${missing[@]}" | median) ms   runs: ${missing[*]}"
echo "index present (opened):         median $(printf '%s\n' "${present[@]}" | median) ms   runs: ${present[*]}"

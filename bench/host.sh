# Shared by load.sh and startup.sh (sourced, not run): builds the web host in Release and starts it on
# loopback with an index folder of its own, so a measurement never touches index/lucene.

HOST_DLL=src/QaBot.Web/bin/Release/net10.0/QaBot.Web.dll
HOST_PID=""

build_host() {
  echo "building the web host (Release)..." >&2
  dotnet build -c Release src/QaBot.Web -v quiet -nologo >/dev/null
}

# start_host PORT INDEX_FOLDER LOG: the host process itself (not `dotnet run`), so HOST_PID is the
# process whose memory is read. The rate limiter, where the host has one, is off for measuring.
# HOST_ARGS adds settings, e.g. HOST_ARGS=--Answering:ReplyCache=0 to answer every question afresh.
start_host() {
  # shellcheck disable=SC2086
  dotnet "$HOST_DLL" --urls "http://127.0.0.1:$1" --Index:Path="$2" --RateLimiting:Enabled=false ${HOST_ARGS:-} >"$3" 2>&1 &
  HOST_PID=$!
}

stop_host() {
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID" 2>/dev/null || true
    wait "$HOST_PID" 2>/dev/null || true
  fi
  HOST_PID=""
}

# wait_ready PORT SECONDS: until GET /healthz answers 200, or fails after SECONDS.
wait_ready() {
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "http://127.0.0.1:$1/healthz"; do
    if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "$HOST_PID" 2>/dev/null; then
      echo "the host did not become ready within $2 s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# rate_limiter_note: what the output says about the rate limiter.
rate_limiter_note() {
  if grep -q '"RateLimiting"' appsettings.json; then
    echo "rate limiter: disabled for this run (--RateLimiting:Enabled=false)"
  else
    echo "rate limiter: none configured (--RateLimiting:Enabled=false passed anyway)"
  fi
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

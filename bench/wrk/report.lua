-- Prints one machine-readable line after a wrk run: requests/s, latency percentiles (ms) and errors.
-- Loaded by every wrk script of load.sh (wrk runs one script per run).
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end

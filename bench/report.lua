-- wrk script: the Host header from BENCH_HOST, and a one-line JSON summary with p50/p95/p99 (µs).
wrk.headers["Host"] = os.getenv("BENCH_HOST") or "localhost"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end

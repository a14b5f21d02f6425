-- wrk script: POSTs one GraphQL body, read from the file named by $WRK_BODY_FILE, and prints one JSON line of
-- figures when done.   usage: WRK_BODY_FILE=body.json wrk -t2 -c16 -d20s -s graphql.lua <url>
-- Latency comes from wrk's own histogram (microseconds), printed as milliseconds.

local file = assert(io.open(assert(os.getenv("WRK_BODY_FILE"), "WRK_BODY_FILE is not set"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
file:close()

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"rps":%.2f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"requests":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(90) / 1000,
    latency:percentile(99) / 1000,
    summary.requests,
    errors,
    summary.errors.status))
end

-- wrk script: captures a contract per request, each with its own Idempotency-Key, against the demo book's
-- BRENT product and NORDOIL counterparty (deploy/local/start.sh loads them), as the trader of the token in
-- BENCH_TOKEN (a capture needs role trader: docs/access-control.md).
--   BENCH_TOKEN=$(deploy/local/token.sh trader bench) \
--     wrk -t2 -c16 -d30s --latency -s trading-service/bench/capture.lua http://localhost:8081/api/contracts
-- deploy/bench/run.sh reads the "bench-json" line that done() prints last.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local sent = 0
local body = [[{"direction":"BUY","product":"BRENT","counterparty":"NORDOIL","quantity":600000,"quantityUnit":"BBL",
"tolerancePercent":5,"toleranceOption":"BUYER","incoterm":"FOB","loadPort":"Sullom Voe","dischargePort":"Rotterdam",
"laycanStart":"2027-01-10","laycanEnd":"2027-01-12","pricing":{"type":"FIXED","fixedPrice":78.25,"priceUnit":"USD_PER_BBL"},
"paymentTerms":{"event":"BL","days":30,"dayType":"CALENDAR"},"trader":"bench","book":"BENCH"}]]

-- Each run gets its own prefix (BENCH_RUN, else the start second), so that a key never repeats across runs:
-- a repeated key would be answered from the idempotency store instead of being captured.
local run = os.getenv("BENCH_RUN") or tostring(os.time())

-- Without a token every request would be a 401 and the figures those of the refusal, not of a capture.
local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  io.stderr:write("BENCH_TOKEN is not set: BENCH_TOKEN=$(deploy/local/token.sh trader bench) wrk ...\n")
  os.exit(2)
end

function request()
  sent = sent + 1
  local key = string.format("bench-%s-%d-%d", run, thread_number, sent)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = key}, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("captures: %d, non-2xx or errors: %d, throughput: %.1f/s, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format('bench-json {"requests":%d,"seconds":%.3f,"rps":%.2f,"non2xx":%d,"socketErrors":%d,'
    .. '"timeouts":%d,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f}\n',
    summary.requests, seconds, summary.requests / seconds, e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end

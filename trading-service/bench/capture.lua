-- wrk script: captures a contract per request, each with its own Idempotency-Key, against the demo book's
-- BRENT product and NORDOIL counterparty (deploy/local/start.sh loads them).
--   wrk -t2 -c16 -d30s --latency -s trading-service/bench/capture.lua http://localhost:8081/api/contracts

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

function request()
  sent = sent + 1
  local key = string.format("bench-%d-%d-%d", os.time(), thread_number, sent)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-User"] = "bench",
    ["Idempotency-Key"] = key}, body)
end

function done(summary, latency, requests)
  io.write(string.format("captures: %d, non-2xx or errors: %d, throughput: %.1f/s, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

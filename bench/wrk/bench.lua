-- wrk script for the Senco benchmark (bench/run.sh).
-- Environment:
--   BENCH_TOKEN     bearer token to send (optional)
--   BENCH_COOKIE    Cookie header to send (optional); a renewed senco.auth cookie replaces the one sent
--   BENCH_IDS       file of ids, one a line (optional); with it, BENCH_TEMPLATE is a path with one %s
--   BENCH_TEMPLATE  e.g. /api/v1/pupils/%s
--   BENCH_PAIRS     file of "value<TAB>token" lines (optional): each request takes the next line's value for the
--                   template and sends its own bearer token (bench/national.sh: many schools, each with its SENCO)
-- done() prints one machine-readable line: BENCH_RESULT key=value ...

local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local idsfile = os.getenv("BENCH_IDS")
local template = os.getenv("BENCH_TEMPLATE")
local pairsfile = os.getenv("BENCH_PAIRS")

if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end

local ids = {}
if idsfile and idsfile ~= "" then
  for line in io.lines(idsfile) do
    if line ~= "" then ids[#ids + 1] = line end
  end
end

local tpairs = {}
if pairsfile and pairsfile ~= "" then
  for line in io.lines(pairsfile) do
    local value, tok = line:match("^([^\t]+)\t(.+)$")
    if value then tpairs[#tpairs + 1] = { value, tok } end
  end
end

-- Each thread starts at a different place in the list, so the threads do not ask for the same pupil in step.
local thread_no = 0
function setup(thread)
  thread:set("offset", thread_no * 7919)
  thread_no = thread_no + 1
end

local n = 0
if #tpairs > 0 then
  request = function()
    n = n + 1
    local p = tpairs[((n + (offset or 0)) % #tpairs) + 1]
    return wrk.format(nil, string.format(template, p[1]), { ["Authorization"] = "Bearer " .. p[2] })
  end
elseif #ids > 0 then
  request = function()
    n = n + 1
    local id = ids[((n + (offset or 0)) % #ids) + 1]
    return wrk.format(nil, string.format(template, id))
  end
elseif cookie and cookie ~= "" then
  -- Built for each request, so that a renewed cookie (below) is sent.
  request = function() return wrk.format(nil, nil) end
end

-- A browser keeps the cookie the app renews (the sign-in cookie is re-issued after the security-stamp check each
-- minute, and when half its idle time has passed). wrk sends a fixed header, so without this every request after the
-- first minute would repeat the renewal, which a browser never does. Each thread keeps its own copy.
if cookie and cookie ~= "" then
  response = function(status, headers, body)
    local set = headers["Set-Cookie"]
    if set then
      local value = set:match("^senco%.auth=([^;]*)")
      if value and value ~= "" then
        wrk.headers["Cookie"] = wrk.headers["Cookie"]:gsub("senco%.auth=[^;]*", function() return "senco.auth=" .. value end)
      end
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d bytes=%d ids=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.bytes, math.max(#ids, #tpairs)))
end

-- wrk script: a FHIR client searching with its bearer token, each request the next path of a file
-- (one per line), the two threads starting at different places in it, so that a benchmark does not
-- measure one patient's rows held warm in every cache. Responses other than 200 are counted and
-- reported at the end (an expired token would make them 401).
-- Usage: wrk ... -s bench/fhir-search.lua http://host:port -- TOKEN paths.txt
local paths = {}
local position = 1
not_ok = 0
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Accept"] = "application/fhir+json"
  for line in io.lines(args[2]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  position = math.random(#paths)
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
  io.write(string.format("Responses other than 200: %d of %d\n", total, summary.requests))
end

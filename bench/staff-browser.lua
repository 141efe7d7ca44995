-- wrk script: a signed-in member of staff in a browser. It sends the sign-in and antiforgery
-- cookies and, as a browser does, keeps whatever cookie the app sets in a response. The app
-- re-checks a sign-in against the user's security stamp once a minute and answers that request
-- with a renewed cookie; a client that kept sending the old cookie (wrk's -H "Cookie: ...")
-- would have every later request re-checked, which no browser does.
--
-- Usage: wrk ... -s bench/staff-browser.lua http://host:port/path -- "name=value; name=value" [paths.txt]
-- With a file of paths (one per line), each request opens the next path in turn, so that a
-- benchmark does not measure one patient's rows held warm in every cache; without one, every
-- request asks for the URL's own path.
local cookies, names = {}, {}
local paths = {}
local position = 1
-- A page that is not 200 (a redirect to the sign-in page once the session has lapsed) is not the
-- page meant to be measured: each thread counts them and done() reports the total.
not_ok = 0
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local function keep(name, value)
  if cookies[name] == nil then names[#names + 1] = name end
  cookies[name] = value
end

local function cookie_header()
  local parts = {}
  for _, name in ipairs(names) do parts[#parts + 1] = name .. "=" .. cookies[name] end
  return table.concat(parts, "; ")
end

function init(args)
  for pair in string.gmatch(args[1] or "", "[^;]+") do
    local name, value = string.match(pair, "^%s*([^=]+)=(.*)$")
    if name then keep(name, value) end
  end
  if args[2] then
    for line in io.lines(args[2]) do
      if line ~= "" then paths[#paths + 1] = line end
    end
    -- The two wrk threads start at different places in the list.
    position = math.random(#paths)
  end
  wrk.headers["Cookie"] = cookie_header()
end

function request()
  if #paths == 0 then return wrk.format("GET") end
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local name, value = string.match(set, "^%s*([^=;]+)=([^;]*)")
    if name then
      keep(name, value)
      wrk.headers["Cookie"] = cookie_header()
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
  io.write(string.format("Responses other than 200: %d of %d\n", total, summary.requests))
end

-- wrk script: each request opens the chart of another patient, in turn, from a file of paths
-- (one per line), so the benchmark does not measure one patient's rows held warm in every cache.
-- Usage: wrk ... -s bench/chart-rotation.lua http://host:port -- paths.txt
local paths = {}
local position = 1

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- The two wrk threads start at different places in the list.
  position = math.random(#paths)
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

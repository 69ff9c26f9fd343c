-- POST /api/ask with each question of bench/questions.txt in turn.
dofile("bench/wrk/report.lua")
local questions = dofile("bench/wrk/questions.lua")
local requests = {}

function init(args)
  for i, q in ipairs(questions) do
    requests[i] = wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, '{"question":"' .. q .. '"}')
  end
end

local n = 0
function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end

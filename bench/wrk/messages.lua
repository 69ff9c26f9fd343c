-- POST /api/messages: Bot Framework message activities with deliveryMode expectReplies, so the bot's
-- replies come back in the HTTP response; the questions of bench/questions.txt over 16 conversations.
dofile("bench/wrk/report.lua")
local questions = dofile("bench/wrk/questions.lua")
local thread_id = 0
local n = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function request()
  n = n + 1
  local body = string.format(
    '{"type":"message","id":"%d-%d","text":"%s","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"deliveryMode":"expectReplies","from":{"id":"user%d"},"recipient":{"id":"bot"},"conversation":{"id":"load-%d-%d"}}',
    thread_id, n, questions[(n % #questions) + 1], n % 16, thread_id, n % 16)
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

-- GET one Direct Line conversation's activities, as Web Chat polls it: the path (with its watermark)
-- from the command line, the conversation's token from DL_TOKEN. Every poll reads the conversation
-- from the store (and, on Redis, renews its expiry).
dofile("bench/wrk/report.lua")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DL_TOKEN")

-- GET /healthz (the request comes from the command line).
dofile("bench/wrk/report.lua")

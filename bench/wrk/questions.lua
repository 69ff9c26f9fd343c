-- The question mix of bench/questions.txt (the growth benchmarks ask the same), JSON-escaped.
local questions = {}
for line in io.lines("bench/questions.txt") do
  if line:match("%S") then
    questions[#questions + 1] = line:gsub("\\", "\\\\"):gsub('"', '\\"')
  end
end
return questions

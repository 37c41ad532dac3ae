-- What Scripts/load/moderate.lua and rspamd.lua share: the texts of the chat dev set, taken in turn
-- from a different offset by each wrk thread, and the report both load scripts parse.
-- LOAD_BODIES names a Lua file returning the texts (written by the load script).
texts = dofile(os.getenv("LOAD_BODIES"))
local counter = 0

function setup(thread)
    thread:set("offset", counter)
    counter = counter + 1
end

function init(args)
    n = offset * 7919
end

-- The next request number and its text.
function next_text()
    n = n + 1
    return n, texts[(n % #texts) + 1]
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("messages/s: %.0f\n", summary.requests / seconds))
    io.write(string.format("p50: %.3f ms\n", latency:percentile(50) / 1000))
    io.write(string.format("p99: %.3f ms\n", latency:percentile(99) / 1000))
    io.write(string.format("requests: %d, socket errors: %d, non-2xx answers: %d\n", summary.requests, errors, summary.errors.status))
end

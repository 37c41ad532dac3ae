-- wrk script for Scripts/load.sh: POST /v1/moderate with the messages of the chat dev set, in turn,
-- from 10,000 senders in turn (so that the 50-an-hour limit is not what is measured).
-- LOAD_BODIES names a Lua file returning { {text_json, ...} } (written by Scripts/load.sh).
local texts = dofile(os.getenv("LOAD_BODIES"))
local counter = 0

function setup(thread)
    thread:set("offset", counter)
    counter = counter + 1
end

function init(args)
    n = offset * 7919
end

function request()
    n = n + 1
    local text = texts[(n % #texts) + 1]
    local body = '{"text":' .. text .. ',"context":{"messageId":"load-' .. n .. '","senderId":"sender-' .. (n % 10000) ..
        '","recipientId":"recipient-' .. (n % 997) .. '","conversationId":"conv-' .. (n % 5000) ..
        '","verificationLevel":"identity","tier":"standard"}}'
    return wrk.format("POST", "/v1/moderate", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("messages/s: %.0f\n", summary.requests / seconds))
    io.write(string.format("p50: %.3f ms\n", latency:percentile(50) / 1000))
    io.write(string.format("p99: %.3f ms\n", latency:percentile(99) / 1000))
    io.write(string.format("requests: %d, socket errors: %d, non-2xx answers: %d\n", summary.requests, errors, summary.errors.status))
end

-- wrk script for Scripts/load.sh: POST /v1/moderate with the messages of the chat dev set, in turn,
-- from 10,000 senders in turn (so that the 50-an-hour limit is not what is measured).
-- LOAD_BODIES names a Lua file returning the texts as JSON strings (written by Scripts/load.sh).
dofile("Scripts/load/rotation.lua")

function request()
    local n, text = next_text()
    local body = '{"text":' .. text .. ',"context":{"messageId":"load-' .. n .. '","senderId":"sender-' .. (n % 10000) ..
        '","recipientId":"recipient-' .. (n % 997) .. '","conversationId":"conv-' .. (n % 5000) ..
        '","verificationLevel":"identity","tier":"standard"}}'
    return wrk.format("POST", "/v1/moderate", { ["Content-Type"] = "application/json" }, body)
end

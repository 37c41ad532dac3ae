-- wrk script for Scripts/load-rspamd.sh: POST /checkv2 to Rspamd with the messages of the chat dev set,
-- in turn, each as a small RFC 5322 email (the same rotation as moderate.lua, so that both servers see
-- the same texts in the same order), from 10,000 senders to 997 recipients in turn.
-- LOAD_BODIES names a Lua file returning { text, ... } (plain UTF-8 strings, written by load-rspamd.sh).
dofile("Scripts/load/rotation.lua")

function request()
    local n, text = next_text()
    -- From and Date are the fields RFC 5322 requires; MIME-Version makes the Content-Type (UTF-8, 8 bit)
    -- count; a Message-ID so that rspamd does not score every message as missing one. CRLF line ends.
    local body = "From: sender-" .. (n % 10000) .. " <sender-" .. (n % 10000) .. "@example.com>\r\n" ..
        "To: recipient-" .. (n % 997) .. " <recipient-" .. (n % 997) .. "@example.org>\r\n" ..
        "Subject: chat message\r\n" ..
        "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n" ..
        "Message-ID: <load-" .. n .. "@example.com>\r\n" ..
        "MIME-Version: 1.0\r\n" ..
        "Content-Type: text/plain; charset=utf-8\r\n" ..
        "Content-Transfer-Encoding: 8bit\r\n" ..
        "\r\n" .. text .. "\r\n"
    return wrk.format("POST", "/checkv2", nil, body)
end

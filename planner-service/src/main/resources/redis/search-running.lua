-- PENDING -> RUNNING; no effect in any other status.
-- KEYS[1] the run's search prefix; ARGV: node id
local key = KEYS[1] .. ':node:' .. ARGV[1]
if redis.call('HGET', key, 'status') == 'PENDING' then
    redis.call('HSET', key, 'status', 'RUNNING')
    redis.call('RPUSH', KEYS[1] .. ':changes', ARGV[1])
end
return 0

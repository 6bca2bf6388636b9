-- Creates a run's search graph (its root) unless it exists; opening an existing graph changes nothing.
-- KEYS[1] the run's search prefix; ARGV: objective, root id, createdAt millis
local p = KEYS[1]
local rootKey = p .. ':node:' .. ARGV[2]
if redis.call('EXISTS', rootKey) == 1 then
    return 0
end
redis.call('HSET', rootKey, 'id', ARGV[2], 'depth', '0', 'status', 'GOOD', 'visits', '0', 'value', '0',
        'debugDepth', '0', 'improveMisses', '0', 'createdAt', ARGV[3], 'finishedAt', ARGV[3])
redis.call('RPUSH', p .. ':order', ARGV[2])
redis.call('RPUSH', p .. ':changes', ARGV[2])
redis.call('HSET', p .. ':meta', 'objective', ARGV[1], 'nodes', '0', 'inFlight', '0')
return 1

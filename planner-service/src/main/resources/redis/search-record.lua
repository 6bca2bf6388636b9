-- Scores an in-flight node and, in the same step, makes it the global best if it beats the current best in the
-- objective's direction. Scores travel and are stored as the client wrote them (exact round trip); tonumber is
-- used only to compare them.
-- KEYS[1] the run's search prefix
-- ARGV: node id, GOOD|BUGGY, score ('' when BUGGY), improveMisses, finishedAt millis
-- Returns {applied, newGlobalBest} as 0/1.
local p = KEYS[1]
local id = ARGV[1]
local key = p .. ':node:' .. id
local status = redis.call('HGET', key, 'status')
if status ~= 'PENDING' and status ~= 'RUNNING' then
    return {0, 0}
end
local meta = p .. ':meta'
local newBest = 0
if ARGV[2] == 'GOOD' then
    local best = redis.call('HGET', meta, 'bestScore')
    if not best then
        newBest = 1
    else
        local score, incumbent = tonumber(ARGV[3]), tonumber(best)
        local maximize = redis.call('HGET', meta, 'objective') == 'MAXIMIZE'
        if (maximize and score > incumbent) or (not maximize and score < incumbent) then
            newBest = 1
        end
    end
    redis.call('HSET', key, 'score', ARGV[3])
    if newBest == 1 then
        redis.call('HSET', meta, 'bestNode', id, 'bestScore', ARGV[3])
    end
end
redis.call('HSET', key, 'status', ARGV[2], 'improveMisses', ARGV[4], 'finishedAt', ARGV[5])
if redis.call('LLEN', p .. ':children:' .. id) == 0 then
    redis.call('ZADD', p .. ':leaves', ARGV[5], id)
end
redis.call('HINCRBY', meta, 'inFlight', -1)
redis.call('RPUSH', p .. ':changes', id)
return {1, newBest}

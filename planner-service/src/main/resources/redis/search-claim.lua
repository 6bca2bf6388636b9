-- Claims an expansion: adds a PENDING child under a scored parent if the parent has fewer than the limit of
-- non-cancelled children made by the counted operators. Check and insert are one step.
-- KEYS[1] the run's search prefix
-- ARGV: child id, parent id, operator, branch, depth, debugDepth, improveMisses, createdAt, childLimit,
--       counted operators...
local p = KEYS[1]
local childId, parentId = ARGV[1], ARGV[2]
local parentStatus = redis.call('HGET', p .. ':node:' .. parentId, 'status')
if parentStatus ~= 'GOOD' and parentStatus ~= 'BUGGY' then
    return 0
end
local childKey = p .. ':node:' .. childId
if redis.call('EXISTS', childKey) == 1 then
    return 0
end
local counted = {}
for i = 10, #ARGV do
    counted[ARGV[i]] = true
end
local childrenKey = p .. ':children:' .. parentId
local live = 0
for _, sibling in ipairs(redis.call('LRANGE', childrenKey, 0, -1)) do
    local s = redis.call('HMGET', p .. ':node:' .. sibling, 'status', 'operator')
    if s[1] ~= 'CANCELLED' and counted[s[2]] then
        live = live + 1
    end
end
if live >= tonumber(ARGV[9]) then
    return 0
end
redis.call('HSET', childKey, 'id', childId, 'parentId', parentId, 'operator', ARGV[3], 'branch', ARGV[4],
        'depth', ARGV[5], 'status', 'PENDING', 'visits', '0', 'value', '0', 'debugDepth', ARGV[6],
        'improveMisses', ARGV[7], 'createdAt', ARGV[8])
redis.call('RPUSH', childrenKey, childId)
redis.call('RPUSH', p .. ':order', childId)
redis.call('RPUSH', p .. ':changes', childId)
redis.call('RPUSH', p .. ':branch:' .. ARGV[4], childId)
redis.call('ZREM', p .. ':leaves', parentId)
redis.call('HINCRBY', p .. ':meta', 'nodes', 1)
redis.call('HINCRBY', p .. ':meta', 'inFlight', 1)
return 1

-- An in-flight node will never be scored: CANCELLED, out of the in-flight count and the node budget's count, and its
-- parent is a leaf again when no live child remains.
-- KEYS[1] the run's search prefix; ARGV: node id
local p = KEYS[1]
local key = p .. ':node:' .. ARGV[1]
local node = redis.call('HMGET', key, 'status', 'parentId')
if node[1] ~= 'PENDING' and node[1] ~= 'RUNNING' then
    return 0
end
redis.call('HSET', key, 'status', 'CANCELLED')
redis.call('HINCRBY', p .. ':meta', 'inFlight', -1)
redis.call('HINCRBY', p .. ':meta', 'nodes', -1)
redis.call('RPUSH', p .. ':changes', ARGV[1])
local parent = redis.call('HMGET', p .. ':node:' .. node[2], 'parentId', 'finishedAt')
if not parent[1] then
    return 1 -- the root is never a leaf
end
for _, sibling in ipairs(redis.call('LRANGE', p .. ':children:' .. node[2], 0, -1)) do
    if redis.call('HGET', p .. ':node:' .. sibling, 'status') ~= 'CANCELLED' then
        return 1
    end
end
redis.call('ZADD', p .. ':leaves', parent[2], node[2])
return 1

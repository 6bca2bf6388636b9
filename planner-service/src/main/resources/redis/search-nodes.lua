-- The nodes listed in one index of the graph: a list (children, a branch, creation order) or the leaves sorted
-- set, in its order. Each node is one line: the fields below in their order (search-changes.lua uses the same),
-- joined by '|', absent ones empty.
-- KEYS[1] the run's search prefix; ARGV: index key suffix, 'list' or 'zset'
local p = KEYS[1]
local fields = {'id', 'parentId', 'operator', 'branch', 'depth', 'status', 'score', 'visits', 'value', 'debugDepth',
                'improveMisses', 'createdAt', 'finishedAt'}
local index = p .. ARGV[1]
local ids
if ARGV[2] == 'zset' then
    ids = redis.call('ZRANGE', index, 0, -1)
else
    ids = redis.call('LRANGE', index, 0, -1)
end
local nodes = {}
for i, id in ipairs(ids) do
    local values = redis.call('HMGET', p .. ':node:' .. id, unpack(fields))
    for f = 1, #fields do
        if not values[f] then
            values[f] = ''
        end
    end
    nodes[i] = table.concat(values, '|')
end
return nodes

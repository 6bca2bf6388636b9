-- What changed in the graph since a reader last looked, read at one instant: every write script appends the ids
-- of the nodes it changed to the 'changes' list (a node first appears there when it is claimed, so first
-- appearances follow creation order), and typed edges are only ever appended.
-- KEYS[1] the run's search prefix; ARGV: changes already seen, edges already seen
-- Returns {{node line...} (each changed node once, as it is now; see search-nodes.lua), {"from|to|TYPE"...},
--          changes seen after this read, edges seen after this read}.
local p = KEYS[1]
local fields = {'id', 'parentId', 'operator', 'branch', 'depth', 'status', 'score', 'visits', 'value', 'debugDepth',
                'improveMisses', 'createdAt', 'finishedAt'}
local changed = redis.call('LRANGE', p .. ':changes', tonumber(ARGV[1]), -1)
local edges = redis.call('LRANGE', p .. ':edges', tonumber(ARGV[2]), -1)
local seen = {}
local nodes = {}
for _, id in ipairs(changed) do
    if not seen[id] then
        seen[id] = true
        local values = redis.call('HMGET', p .. ':node:' .. id, unpack(fields))
        for f = 1, #fields do
            if not values[f] then
                values[f] = ''
            end
        end
        nodes[#nodes + 1] = table.concat(values, '|')
    end
end
return {nodes, edges, tonumber(ARGV[1]) + #changed, tonumber(ARGV[2]) + #edges}

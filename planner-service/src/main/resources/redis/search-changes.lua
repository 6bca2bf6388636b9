-- What changed in the graph since a reader last looked, read at one instant: every write script appends the ids
-- of the nodes it changed to the 'changes' list (a node first appears there when it is claimed, so first
-- appearances follow creation order), and typed edges are only ever appended.
-- The list is compacted here: once it holds more than twice ARGV[3] ids, all but the last ARGV[3] are dropped
-- and counted in meta 'changesTrimmed', so readers' positions stay absolute. A reader whose position lies
-- before the kept part (or -1: its first look) gets the whole graph instead: every node once, in creation order.
-- KEYS[1] the run's search prefix; ARGV: changes already seen (-1: none), edges already seen, changes to keep
-- Returns {{node line...} (each changed node once, as it is now; see search-nodes.lua), {"from|to|TYPE"...},
--          changes seen after this read, edges seen after this read, 1 if this is the whole graph else 0}.
local p = KEYS[1]
local fields = {'id', 'parentId', 'operator', 'branch', 'depth', 'status', 'score', 'visits', 'value', 'debugDepth',
                'improveMisses', 'createdAt', 'finishedAt'}
local trimmed = tonumber(redis.call('HGET', p .. ':meta', 'changesTrimmed') or '0')
local length = redis.call('LLEN', p .. ':changes')
local seenChanges = tonumber(ARGV[1])
local whole = seenChanges < trimmed
local changed
local seenEdges = tonumber(ARGV[2])
if whole then
    changed = redis.call('LRANGE', p .. ':order', 0, -1)
    seenEdges = 0
else
    changed = redis.call('LRANGE', p .. ':changes', seenChanges - trimmed, -1)
end
local edges = redis.call('LRANGE', p .. ':edges', seenEdges, -1)
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
local keep = tonumber(ARGV[3])
if length > 2 * keep then
    redis.call('LTRIM', p .. ':changes', length - keep, -1)
    redis.call('HINCRBY', p .. ':meta', 'changesTrimmed', length - keep)
end
return {nodes, edges, trimmed + length, seenEdges + #edges, whole and 1 or 0}

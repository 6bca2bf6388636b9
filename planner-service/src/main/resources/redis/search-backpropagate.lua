-- One visit and the reward for the node and every PARENT ancestor up to the root, in one step. Values are summed
-- in double precision like the in-memory graph and stored with 17 significant digits, which round-trip exactly.
-- KEYS[1] the run's search prefix; ARGV: node id, reward
local p = KEYS[1]
local reward = tonumber(ARGV[2])
local id = ARGV[1]
local steps = 0
while id do
    local key = p .. ':node:' .. id
    local value = redis.call('HGET', key, 'value')
    if not value then
        break
    end
    redis.call('HINCRBY', key, 'visits', 1)
    redis.call('HSET', key, 'value', string.format('%.17g', tonumber(value) + reward))
    redis.call('RPUSH', p .. ':changes', id)
    steps = steps + 1
    id = redis.call('HGET', key, 'parentId')
end
return steps

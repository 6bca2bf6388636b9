-- Adds a typed edge once; adding it again changes nothing.
-- KEYS[1] the run's search prefix; ARGV: the edge as "from|to|TYPE"
local p = KEYS[1]
if redis.call('SADD', p .. ':edge-set', ARGV[1]) == 1 then
    redis.call('RPUSH', p .. ':edges', ARGV[1])
end
return 0

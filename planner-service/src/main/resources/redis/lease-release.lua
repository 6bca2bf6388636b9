-- Lets a run's lease go if, and only if, the caller still holds it: a holder whose lease expired and was taken by
-- another planner must not delete the new holder's lease.
-- KEYS[1] the lease; ARGV: the holder's token
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0

-- Extends a run's lease to a full time-to-live if, and only if, the caller still holds it.
-- KEYS[1] the lease; ARGV: the holder's token, the time-to-live in ms
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0

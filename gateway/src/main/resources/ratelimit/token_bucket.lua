-- Token bucket (mirrors org.grassroots.gateway.ratelimit.TokenBucket).
-- KEYS[1] bucket hash {tokens, ts}; ARGV[1] capacity (= requests per minute).
-- Time comes from the Redis server so replicas with skewed clocks share one view.
-- Returns {allowed (0/1), remaining, retry_after_ms, reset_ms}.
local capacity = tonumber(ARGV[1])
local per_ms = capacity / 60000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
else
  local elapsed = math.max(0, now - ts)
  tokens = math.min(capacity, tokens + elapsed * per_ms)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
local reset = math.ceil((capacity - tokens) / per_ms)
-- a full bucket needs no state: let it expire once refilled
redis.call('PEXPIRE', KEYS[1], reset + 1000)
local retry_after = 0
if allowed == 0 then
  retry_after = math.ceil((1 - tokens) / per_ms)
end
return {allowed, math.floor(tokens), retry_after, reset}

/**
 * The budget's Lua scripts: each runs atomically in Redis, so two nodes never judge the same state.
 * Every script gets the same eight KEYS (BUDGET_KEYS in commands.ts, under one prefix):
 *   book   hash  seq; f|SYM filled signed base (cluster); b|SYM, s|SYM reserved base of buy and sell orders; p|SYM last price
 *   expo   hash  SYM → max(|f + b|, |f − s|) × p, summed for the gross
 *   share  hash  NODE|SYM → the node's part of f|SYM (what its rebuild replaces)
 *   res    hash  reservationId → {s symbol, d side, k kind, r remaining base, n node}
 *   exp    zset  reservationId by deadline (ms, Redis clock)
 *   seen   hash  a|reservationId → the answer given; f|fillId → 1 (idempotency)
 *   gc     zset  seen's fields by the time they may be forgotten (idempotencyWindowMs after their last use)
 *   pnl    hash  day (UTC date); total, n|NODE: the day's net realised P&L
 * Numbers are stored and returned as strings ('%.17g'): a Lua number returned to Redis would be truncated to an integer.
 * Time is the Redis server's (TIME), one clock for every node. Needs Redis ≥ 6.2 (ZADD GT).
 */
const PRELUDE = `
local BOOK, EXPO, SHARE, RES, EXP, SEEN, GC, PNL = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local EPS = 1e-9

local function num(x) return string.format('%.17g', x) end
local function get(key, field) return tonumber(redis.call('HGET', key, field) or '0') end
local function setNum(key, field, x)
  if math.abs(x) < EPS then redis.call('HDEL', key, field) else redis.call('HSET', key, field, num(x)) end
end
local function bump() return redis.call('HINCRBY', BOOK, 'seq', 1) end
local function seqNow() return get(BOOK, 'seq') end

local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function utcDate(ms)
  local z = math.floor(ms / 86400000) + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400 + (m <= 2 and 1 or 0)
  return string.format('%04d-%02d-%02d', y, m, d)
end

-- A new UTC day starts the day's P&L from zero. Returns the day's loss (≥ 0).
local function rollDay(now)
  local today = utcDate(now)
  local v = redis.call('HMGET', PNL, 'day', 'total')
  if v[1] ~= today then
    redis.call('DEL', PNL)
    redis.call('HSET', PNL, 'day', today)
    return 0
  end
  return math.max(0, -tonumber(v[2] or '0'))
end

local function addPnl(node, x)
  redis.call('HSET', PNL, 'total', num(get(PNL, 'total') + x), 'n|' .. node, num(get(PNL, 'n|' .. node) + x))
end

local function exposure(f, b, s, price) return math.max(math.abs(f + b), math.abs(f - s)) * price end

local function revalue(sym)
  local v = redis.call('HMGET', BOOK, 'f|' .. sym, 'b|' .. sym, 's|' .. sym, 'p|' .. sym)
  setNum(EXPO, sym, exposure(tonumber(v[1] or '0'), tonumber(v[2] or '0'), tonumber(v[3] or '0'), tonumber(v[4] or '0')))
end

-- The gross exposure of every symbol but sym, and sym's own.
local function grossBut(sym)
  local g, own = 0, 0
  local all = redis.call('HGETALL', EXPO)
  for i = 1, #all, 2 do
    if all[i] == sym then own = tonumber(all[i + 1]) else g = g + tonumber(all[i + 1]) end
  end
  return g, own
end

local function reservedField(side, sym) return (side == 'buy' and 'b|' or 's|') .. sym end

-- Return a reservation's remaining amount to the budget and forget it.
local function unreserve(id, rec)
  local field = reservedField(rec.d, rec.s)
  setNum(BOOK, field, math.max(0, get(BOOK, field) - tonumber(rec.r)))
  redis.call('HDEL', RES, id)
  redis.call('ZREM', EXP, id)
  revalue(rec.s)
  return tonumber(rec.r)
end

-- Keep a live reservation (and the answer that made it) for another ttl.
local function hold(id, now, ttl, answerTtl)
  redis.call('ZADD', EXP, now + ttl, id)
  redis.call('ZADD', GC, 'GT', now + answerTtl, 'a|' .. id)
end

-- Up to max reservations past their deadline return their exposure.
local function sweep(now, max)
  if max <= 0 then return 0 end
  local ids = redis.call('ZRANGEBYSCORE', EXP, '-inf', now, 'LIMIT', 0, max)
  for i = 1, #ids do
    local raw = redis.call('HGET', RES, ids[i])
    if raw then unreserve(ids[i], cjson.decode(raw)) else redis.call('ZREM', EXP, ids[i]) end
  end
  if #ids > 0 then bump() end
  return #ids
end

-- Up to max answers and fill ids past their time are forgotten (not on reserve's accepting path, to keep it short:
-- release and fill forget a few each, as many as reserves add, and expire the rest).
local function forget(now, max)
  local old = redis.call('ZRANGEBYSCORE', GC, '-inf', now, 'LIMIT', 0, max)
  for i = 1, #old do
    redis.call('HDEL', SEEN, old[i])
    redis.call('ZREM', GC, old[i])
  end
  return #old
end
`;

/**
 * ARGV: node, id, symbol, side, kind, amount, price, positionLimit, grossLimit, dailyLossLimit, ttlMs, answerTtlMs, sweepMax.
 * Reply: {'ok', positionAfter, grossAfter, seq} or {'refused', limit, limitValue, current, requested, seq}; a known id gets its first reply.
 */
export const RESERVE = `${PRELUDE}
local node, id, sym, side, kind = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local amount, price = tonumber(ARGV[6]), tonumber(ARGV[7])
local posLimit, grossLimit, lossLimit = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local ttl, answerTtl = tonumber(ARGV[11]), tonumber(ARGV[12])
local now = nowMs()
sweep(now, tonumber(ARGV[13]))
local prior = redis.call('HGET', SEEN, 'a|' .. id)
if prior then return cjson.decode(prior) end

local v = redis.call('HMGET', BOOK, 'f|' .. sym, 'b|' .. sym, 's|' .. sym)
local f, b, s = tonumber(v[1] or '0'), tonumber(v[2] or '0'), tonumber(v[3] or '0')
-- Worst case in the order's direction: every order that way fills, none the other way.
local before = side == 'buy' and (f + b) or (s - f)
local after = before + amount
local adds = math.max(0, after) - math.max(0, before)
local nb, ns = b, s
if side == 'buy' then nb = b + amount else ns = s + amount end
local expBefore, expAfter = exposure(f, b, s, price), exposure(f, nb, ns, price)
local other = grossBut(sym)

local answer
if adds > EPS then
  local loss = rollDay(now)
  if loss >= lossLimit then
    answer = {'refused', 'dailyLoss', num(lossLimit), num(loss), num(adds * price)}
  elseif after * price > posLimit then
    answer = {'refused', 'position', num(posLimit), num(before * price), num(amount * price)}
  elseif expAfter > expBefore and other + expAfter > grossLimit then
    answer = {'refused', 'gross', num(grossLimit), num(other + expBefore), num(expAfter - expBefore)}
  end
end
if answer then
  table.insert(answer, tostring(bump()))
  forget(now, 4)
else
  redis.call('HSET', BOOK, reservedField(side, sym), num(side == 'buy' and nb or ns), 'p|' .. sym, num(price))
  setNum(EXPO, sym, expAfter)
  redis.call('HSET', RES, id, cjson.encode({s = sym, d = side, k = kind, r = num(amount), n = node}))
  answer = {'ok', num(after * price), num(other + expAfter), tostring(bump())}
end
redis.call('HSET', SEEN, 'a|' .. id, cjson.encode(answer))
redis.call('ZADD', GC, now + answerTtl, 'a|' .. id)
if answer[1] == 'ok' then redis.call('ZADD', EXP, now + ttl, id) end
return answer
`;

/** ARGV: id. Reply: {released base amount, seq} (0 when nothing was held: unknown, released, filled or expired). */
export const RELEASE = `${PRELUDE}
forget(nowMs(), 4)
local raw = redis.call('HGET', RES, ARGV[1])
if not raw then return {'0', tostring(seqNow())} end
local released = unreserve(ARGV[1], cjson.decode(raw))
return {num(released), tostring(bump())}
`;

/**
 * ARGV: node, id, fillId, symbol, side, amount, price, realizedPnl, ttlMs, answerTtlMs.
 * Reply: {counted 1|0, from reserved, still reserved, seq}. A fill whose reservation is gone still counts as filled.
 */
export const FILL = `${PRELUDE}
local node, id, fillId, sym, side = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local amount, price, pnl = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local ttl, answerTtl = tonumber(ARGV[9]), tonumber(ARGV[10])
local raw = redis.call('HGET', RES, id)
local rec = raw and cjson.decode(raw)
if redis.call('HEXISTS', SEEN, 'f|' .. fillId) == 1 then
  return {'0', '0', rec and rec.r or '0', tostring(seqNow())}
end
-- Checked before anything is written: a script's error does not undo its earlier writes.
if rec and (rec.s ~= sym or rec.d ~= side) then
  return redis.error_reply('fill of ' .. id .. ' is a ' .. side .. ' of ' .. sym .. ', its reservation a ' .. rec.d .. ' of ' .. rec.s)
end
local now = nowMs()
forget(now, 4)
redis.call('HSET', SEEN, 'f|' .. fillId, '1')
redis.call('ZADD', GC, now + answerTtl, 'f|' .. fillId)
rollDay(now)
local covered, left = 0, 0
if rec then
  local rem = tonumber(rec.r)
  covered = math.min(rem, amount)
  left = rem - covered
  local field = reservedField(side, sym)
  setNum(BOOK, field, math.max(0, get(BOOK, field) - covered))
  if left < EPS then
    left = 0
    redis.call('HDEL', RES, id)
    redis.call('ZREM', EXP, id)
  else
    rec.r = num(left)
    redis.call('HSET', RES, id, cjson.encode(rec))
    hold(id, now, ttl, answerTtl)
  end
end
local signed = side == 'buy' and amount or -amount
setNum(BOOK, 'f|' .. sym, get(BOOK, 'f|' .. sym) + signed)
setNum(SHARE, node .. '|' .. sym, get(SHARE, node .. '|' .. sym) + signed)
redis.call('HSET', BOOK, 'p|' .. sym, num(price))
revalue(sym)
if pnl ~= 0 then addPnl(node, pnl) end
return {'1', num(covered), num(left), tostring(bump())}
`;

/** ARGV: node, loss (≥ 0). Reply: {the day's loss after it, seq}. */
export const RECORD_LOSS = `${PRELUDE}
rollDay(nowMs())
addPnl(ARGV[1], -tonumber(ARGV[2]))
return {num(math.max(0, -get(PNL, 'total'))), tostring(bump())}
`;

/** ARGV: id, ttlMs, answerTtlMs. Reply: 1 if the reservation is held (its deadline moved), else 0. */
export const RENEW = `${PRELUDE}
if redis.call('HEXISTS', RES, ARGV[1]) == 0 then return 0 end
hold(ARGV[1], nowMs(), tonumber(ARGV[2]), tonumber(ARGV[3]))
return 1
`;

/** ARGV: max. Reply: {reservations returned to the budget, answers forgotten, seq}. */
export const EXPIRE = `${PRELUDE}
local now = nowMs()
local n = sweep(now, tonumber(ARGV[1]))
return {tostring(n), tostring(forget(now, tonumber(ARGV[1]))), tostring(seqNow())}
`;

/**
 * ARGV: node, hasDayPnl (1|0), dayPnl, ttlMs, answerTtlMs,
 *   then nPositions × (symbol, signed base amount, price), then nWorking × (id, symbol, side, kind, base amount, price),
 *   then nFills × fillId.
 * Replaces the node's filled share by the positions, drops the node's reservations and holds its working orders again
 * (unjudged: they rest at their venue whatever the limits say), and marks the fills counted. Reply: seq.
 */
export const REBUILD = `${PRELUDE}
local node = ARGV[1]
local ttl, answerTtl = tonumber(ARGV[4]), tonumber(ARGV[5])
local now = nowMs()
rollDay(now)
local prefix = node .. '|'
local touched = {}
local shares = redis.call('HGETALL', SHARE)
for i = 1, #shares, 2 do
  if string.sub(shares[i], 1, #prefix) == prefix then
    local sym = string.sub(shares[i], #prefix + 1)
    setNum(BOOK, 'f|' .. sym, get(BOOK, 'f|' .. sym) - tonumber(shares[i + 1]))
    redis.call('HDEL', SHARE, shares[i])
    touched[sym] = true
  end
end
local held = redis.call('HGETALL', RES)
for i = 1, #held, 2 do
  local rec = cjson.decode(held[i + 1])
  if rec.n == node then unreserve(held[i], rec) end
end
local at = 6
for j = 1, tonumber(ARGV[at]) do
  local sym, amt, px = ARGV[at + 1], tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3])
  setNum(BOOK, 'f|' .. sym, get(BOOK, 'f|' .. sym) + amt)
  setNum(SHARE, prefix .. sym, amt)
  if px > 0 then redis.call('HSET', BOOK, 'p|' .. sym, num(px)) end
  touched[sym] = true
  at = at + 3
end
at = at + 1
for j = 1, tonumber(ARGV[at]) do
  local id, sym, side, kind, amt, px = ARGV[at + 1], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4], tonumber(ARGV[at + 5]), tonumber(ARGV[at + 6])
  local prior = redis.call('HGET', RES, id)
  if prior then unreserve(id, cjson.decode(prior)) end
  local field = reservedField(side, sym)
  setNum(BOOK, field, get(BOOK, field) + amt)
  if px > 0 and not redis.call('HGET', BOOK, 'p|' .. sym) then redis.call('HSET', BOOK, 'p|' .. sym, num(px)) end
  redis.call('HSET', RES, id, cjson.encode({s = sym, d = side, k = kind, r = num(amt), n = node}))
  redis.call('ZADD', EXP, now + ttl, id)
  touched[sym] = true
  at = at + 6
end
at = at + 1
for j = 1, tonumber(ARGV[at]) do
  redis.call('HSET', SEEN, 'f|' .. ARGV[at + j], '1')
  redis.call('ZADD', GC, now + answerTtl, 'f|' .. ARGV[at + j])
end
for sym in pairs(touched) do revalue(sym) end
if ARGV[2] == '1' then addPnl(node, tonumber(ARGV[3]) - get(PNL, 'n|' .. node)) end
return tostring(bump())
`;

import type { Redis, Result } from 'ioredis';

/**
 * Lua scripts for the writes that must not be seen half done. Each is registered on a client with
 * `defineCommand`, so it runs through EVALSHA and also works inside MULTI and pipelines.
 *
 * Scripts that derive key names from an id they create (a new user id, say) build those names
 * here in Lua; they follow the shapes in redis-keys.ts and docs/redis-keys.md. Such scripts need
 * all keys on one node, which a single Redis (with or without replicas) always satisfies.
 */

/**
 * KEYS: total_users, username:{name}, username_folded:{lower name}
 * ARGV: username, password hash
 * Returns the new user id, or 0 when the name (in any letter case) is taken.
 */
const CREATE_USER = `
if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
local id = redis.call('INCR', KEYS[1])
local userKey = 'user:' .. id
redis.call('SET', KEYS[2], userKey)
redis.call('SET', KEYS[3], id)
redis.call('HSET', userKey, 'username', ARGV[1], 'password', ARGV[2])
redis.call('SADD', userKey .. ':rooms', '0')
return id
`;

/**
 * KEYS: room:{id}, room:{id}:last_message_id, room:{id}:message_index[, user:{id}:sent:{clientId}]
 * ARGV: sender id, text, room id, date in ms or '' for the Redis clock, dedupe TTL in seconds
 * Returns {1, member} for a new message, or {0, member} when the client id was seen before.
 *
 * The date is at least 1 ms after the room's newest message, so score order and id order agree
 * and a message id can be turned into an exact score cursor through the message index.
 */
const APPEND_MESSAGE = `
local dedupeKey = KEYS[4]
if dedupeKey then
  local existing = redis.call('GET', dedupeKey)
  if existing then
    return {0, existing}
  end
end
local dateMs
if ARGV[4] ~= '' then
  dateMs = tonumber(ARGV[4])
else
  local now = redis.call('TIME')
  dateMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
end
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] then
  local newestMs = math.floor(tonumber(newest[2]) * 1000 + 0.5)
  if newestMs >= dateMs then
    dateMs = newestMs + 1
  end
end
local score = string.format('%d.%03d', math.floor(dateMs / 1000), dateMs % 1000)
local id = redis.call('INCR', KEYS[2])
local member = cjson.encode({
  id = id,
  from = tonumber(ARGV[1]),
  date = tonumber(score),
  message = ARGV[2],
  roomId = ARGV[3],
})
redis.call('ZADD', KEYS[1], score, member)
redis.call('HSET', KEYS[3], id, score)
if dedupeKey then
  redis.call('SET', dedupeKey, member, 'EX', tonumber(ARGV[5]))
end
return {1, member}
`;

export const scripts = {
  createUser: { lua: CREATE_USER, numberOfKeys: 3 },
  appendMessage: { lua: APPEND_MESSAGE },
} as const;

export function defineScripts(client: Redis): void {
  for (const [name, definition] of Object.entries(scripts)) {
    client.defineCommand(name, definition);
  }
}

declare module 'ioredis' {
  interface RedisCommander<Context> {
    createUser(
      totalUsersKey: string,
      usernameKey: string,
      foldedUsernameKey: string,
      username: string,
      passwordHash: string,
    ): Result<number, Context>;
    /** Takes the number of keys first, because the dedupe key is optional. */
    appendMessage(
      numberOfKeys: number,
      ...keysThenArgs: string[]
    ): Result<[0 | 1, string], Context>;
  }
}

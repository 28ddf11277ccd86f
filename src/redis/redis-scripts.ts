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

/**
 * KEYS: total_channels, channels, channel_names, user:{id}:rooms
 * ARGV: channel name, name in lower case, creator's user id
 * Returns the new channel id, or 0 when the name (in any letter case) is taken.
 */
const CREATE_CHANNEL = `
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then
  return 0
end
local id = redis.call('INCR', KEYS[1])
local roomKey = 'room:' .. id
redis.call('SET', roomKey .. ':name', ARGV[1])
redis.call('SADD', roomKey .. ':members', ARGV[3])
redis.call('SADD', KEYS[2], id)
redis.call('HSET', KEYS[3], ARGV[2], id)
redis.call('SADD', KEYS[4], id)
return id
`;

/**
 * KEYS: room:{id}:read_markers
 * ARGV: user id, message id
 * Moves the user's marker forward only; returns the marker after the call.
 */
const MARK_READ = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local wanted = tonumber(ARGV[2])
if wanted > current then
  redis.call('HSET', KEYS[1], ARGV[1], wanted)
  return wanted
end
return current
`;

/**
 * Finds the member of a room's message with a given id, through the id's score in the index,
 * and checks its author.
 * Shared by the edit and delete scripts (prepended to each).
 */
const FIND_MESSAGE_MEMBER = `
local function findMember(roomKey, indexKey, id)
  local score = redis.call('HGET', indexKey, id)
  if not score then
    return nil, nil
  end
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', roomKey, score, score)) do
    local ok, decoded = pcall(cjson.decode, member)
    if ok and type(decoded) == 'table' and tostring(decoded.id) == id then
      return member, decoded, score
    end
  end
  return nil, nil
end

-- The member of message id when userId wrote it; otherwise a status: 0 none, -1 not theirs.
local function findOwnMember(roomKey, indexKey, id, userId)
  local member, decoded, score = findMember(roomKey, indexKey, id)
  if not member then
    return 0
  end
  if tostring(decoded.from) ~= userId then
    return -1
  end
  return 1, member, decoded, score
end
`;

/**
 * KEYS: room:{id}, room:{id}:message_index
 * ARGV: message id, editor's user id, new text
 * Replaces the member at the same score, keeping the id and adding `editedAt` (Redis clock).
 * Returns {1, member}, {0, ''} when there is no such message, {-1, ''} when it is not the
 * editor's own.
 */
const EDIT_MESSAGE = `${FIND_MESSAGE_MEMBER}
local status, member, decoded, score = findOwnMember(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
if status ~= 1 then
  return {status, ''}
end
local now = redis.call('TIME')
decoded.message = ARGV[3]
decoded.editedAt = tonumber(string.format('%d.%03d', now[1], math.floor(tonumber(now[2]) / 1000)))
local edited = cjson.encode(decoded)
redis.call('ZREM', KEYS[1], member)
redis.call('ZADD', KEYS[1], score, edited)
return {1, edited}
`;

/**
 * KEYS: room:{id}, room:{id}:message_index
 * ARGV: message id, deleting user's id
 * Removes the message from the room. The index entry stays: it still marks a position in the
 * room, so cursors that name the deleted id keep working for resume and history.
 * Returns {1, member}, {0, ''} when there is no such message, {-1, ''} when it is not theirs.
 */
const DELETE_MESSAGE = `${FIND_MESSAGE_MEMBER}
local status, member = findOwnMember(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
if status ~= 1 then
  return {status, ''}
end
redis.call('ZREM', KEYS[1], member)
return {1, member}
`;

/**
 * KEYS: user:{id}:send_rate
 * ARGV: most sends allowed in the window, window length in ms
 * Counts one send in a fixed window; returns 1 when it is allowed, 0 when over the limit.
 */
const COUNT_SEND = `
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if count > tonumber(ARGV[1]) then
  return 0
end
return 1
`;

/**
 * KEYS: user:{id}:connections, presence:server:{sid}:connections, presence:servers,
 *       presence:server:{sid}:alive, online_users
 * ARGV: user id, connection id, server id, liveness TTL in ms
 * Records a live connection; returns 1 when it is the user's first one anywhere.
 */
const CONNECT_PRESENCE = `
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('SET', KEYS[4], '1', 'PX', ARGV[4])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
local added = redis.call('SADD', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[5], ARGV[1])
if added == 1 and redis.call('SCARD', KEYS[1]) == 1 then
  return 1
end
return 0
`;

/**
 * KEYS: user:{id}:connections, presence:server:{sid}:connections, online_users, last_seen
 * ARGV: user id, connection id, Unix seconds now
 * Forgets a connection; returns 1 when it was the user's last one (the user is now offline).
 */
const DISCONNECT_PRESENCE = `
redis.call('HDEL', KEYS[2], ARGV[2])
local removed = redis.call('SREM', KEYS[1], ARGV[2])
if removed == 1 and redis.call('SCARD', KEYS[1]) == 0 then
  redis.call('SREM', KEYS[3], ARGV[1])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
  return 1
end
return 0
`;

/**
 * KEYS: presence:servers, presence:server:{sid}:alive, presence:server:{sid}:connections,
 *       online_users, last_seen
 * ARGV: server id, Unix seconds now
 * Forgets every connection of an instance whose liveness key expired (it died without shutting
 * down). Builds `user:{id}:connections` here from the user ids it reads. Returns the ids of the
 * users who have no connection left; running it twice finds nothing the second time.
 */
const SWEEP_PRESENCE_SERVER = `
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {}
end
local offline = {}
local entries = redis.call('HGETALL', KEYS[3])
for index = 1, #entries, 2 do
  local userId = entries[index + 1]
  local userConnections = 'user:' .. userId .. ':connections'
  redis.call('SREM', userConnections, entries[index])
  if redis.call('SCARD', userConnections) == 0 then
    redis.call('SREM', KEYS[4], userId)
    redis.call('HSET', KEYS[5], userId, ARGV[2])
    table.insert(offline, userId)
  end
end
redis.call('DEL', KEYS[3])
redis.call('SREM', KEYS[1], ARGV[1])
return offline
`;

/**
 * KEYS: one or more attempt counters
 * Takes back one counted sign-in attempt from each; a counter that reaches 0 (or had expired and
 * so went negative) is deleted rather than left without an expiry.
 */
const RELEASE_LOGIN_ATTEMPT = `
for _, key in ipairs(KEYS) do
  if redis.call('DECR', key) <= 0 then
    redis.call('DEL', key)
  end
end
return 1
`;

export const scripts = {
  createUser: { lua: CREATE_USER, numberOfKeys: 3 },
  appendMessage: { lua: APPEND_MESSAGE },
  createChannel: { lua: CREATE_CHANNEL, numberOfKeys: 4 },
  markRead: { lua: MARK_READ, numberOfKeys: 1 },
  releaseLoginAttempt: { lua: RELEASE_LOGIN_ATTEMPT },
  editMessage: { lua: EDIT_MESSAGE, numberOfKeys: 2 },
  deleteMessage: { lua: DELETE_MESSAGE, numberOfKeys: 2 },
  countSend: { lua: COUNT_SEND, numberOfKeys: 1 },
  connectPresence: { lua: CONNECT_PRESENCE, numberOfKeys: 5 },
  disconnectPresence: { lua: DISCONNECT_PRESENCE, numberOfKeys: 4 },
  sweepPresenceServer: { lua: SWEEP_PRESENCE_SERVER, numberOfKeys: 5 },
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
    createChannel(
      totalChannelsKey: string,
      channelDirectoryKey: string,
      channelNamesKey: string,
      creatorRoomsKey: string,
      name: string,
      foldedName: string,
      creatorId: string,
    ): Result<number, Context>;
    markRead(readMarkersKey: string, userId: string, messageId: string): Result<number, Context>;
    /** Takes the number of keys first; every argument after it is a counter key. */
    releaseLoginAttempt(numberOfKeys: number, ...counterKeys: string[]): Result<number, Context>;
    editMessage(
      roomKey: string,
      indexKey: string,
      messageId: string,
      editorId: string,
      text: string,
    ): Result<[-1 | 0 | 1, string], Context>;
    deleteMessage(
      roomKey: string,
      indexKey: string,
      messageId: string,
      userId: string,
    ): Result<[-1 | 0 | 1, string], Context>;
    countSend(rateKey: string, limit: string, windowMs: string): Result<0 | 1, Context>;
    connectPresence(
      userConnectionsKey: string,
      serverConnectionsKey: string,
      serversKey: string,
      serverAliveKey: string,
      onlineUsersKey: string,
      userId: string,
      connectionId: string,
      serverId: string,
      ttlMs: string,
    ): Result<0 | 1, Context>;
    disconnectPresence(
      userConnectionsKey: string,
      serverConnectionsKey: string,
      onlineUsersKey: string,
      lastSeenKey: string,
      userId: string,
      connectionId: string,
      nowSeconds: string,
    ): Result<0 | 1, Context>;
    sweepPresenceServer(
      serversKey: string,
      serverAliveKey: string,
      serverConnectionsKey: string,
      onlineUsersKey: string,
      lastSeenKey: string,
      serverId: string,
      nowSeconds: string,
    ): Result<string[], Context>;
  }
}

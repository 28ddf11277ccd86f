import { channels, InvalidKeyPartError, keys } from './redis-keys.js';

describe('keys', () => {
  it.each([
    ['total_users', keys.totalUsers(), 'total_users'],
    ['username lookup', keys.username('Pablo'), 'username:Pablo'],
    ['user hash', keys.user(1), 'user:1'],
    ['user rooms', keys.userRooms('12'), 'user:12:rooms'],
    ['General name', keys.roomName('0'), 'room:0:name'],
    ['General messages', keys.roomMessages('0'), 'room:0'],
    ['private room messages', keys.roomMessages('1:2'), 'room:1:2'],
    ['online users', keys.onlineUsers(), 'online_users'],
    ['folded username', keys.usernameFolded('PaBLo'), 'username_folded:pablo'],
    ['room message counter', keys.roomLastMessageId('3:4'), 'room:3:4:last_message_id'],
    ['room message index', keys.roomMessageIndex('0'), 'room:0:message_index'],
    ['sent message', keys.sentMessage(3, 'abc_DEF-12'), 'user:3:sent:abc_DEF-12'],
  ])('should build the %s key', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('should name the tutorial channel MESSAGES', () => {
    expect(channels.messages).toBe('MESSAGES');
  });

  it.each([
    ['a user id with a colon', () => keys.user('1:rooms')],
    ['a zero user id', () => keys.user(0)],
    ['a negative user id', () => keys.userRooms(-1)],
    ['a room id with a wildcard', () => keys.roomMessages('*')],
    ['a room id with three parts', () => keys.roomMessages('1:2:3')],
    ['an empty room id', () => keys.roomName('')],
    ['a username with a space', () => keys.username('Pablo Picasso')],
    ['a username with a colon', () => keys.username('a:b')],
    ['a short client message id', () => keys.sentMessage(1, 'abc')],
  ])('should refuse %s', (_, build) => {
    expect(build).toThrow(InvalidKeyPartError);
  });
});

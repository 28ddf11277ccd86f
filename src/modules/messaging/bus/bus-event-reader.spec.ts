import { readBusEvent } from './bus-event-reader.js';

const OWN = 'own-server';

describe(readBusEvent.name, () => {
  it('should read a tutorial message with a string sender and no id', () => {
    const data = { from: '2', date: 1615480369, message: 'Hello', roomId: '1:2' };

    expect(readBusEvent({ serverId: 4132, type: 'message', data }, OWN)).toEqual({
      type: 'message',
      data: { ...data, from: 2 },
    });
  });

  it('should recognise its own envelopes', () => {
    expect(readBusEvent({ serverId: OWN, type: 'message', data: {} }, OWN)).toBe('own');
  });

  it.each([
    ['a string', 'not json'],
    ['null', null],
    ['an array', []],
    ['no server id', { type: 'message', data: {} }],
    ['an unknown type', { serverId: 'x', type: 'room.exploded', data: {} }],
    ['a message without text', { serverId: 'x', type: 'message', data: { roomId: '0' } }],
    [
      'a message for an impossible room',
      { serverId: 'x', type: 'message', data: { from: 1, date: 1, message: 'x', roomId: '0:*' } },
    ],
    ['a user without a name', { serverId: 'x', type: 'user.connected', data: { id: 1 } }],
    ['typing without a flag', { serverId: 'x', type: 'typing', data: { roomId: '0', userId: 1 } }],
  ])('should ignore %s', (_, payload) => {
    expect(readBusEvent(payload, OWN)).toBeNull();
  });

  it('should read presence with ids as strings, as tutorial servers send them', () => {
    const payload = {
      serverId: 'x',
      type: 'user.disconnected',
      data: { id: '3', username: 'Mary', online: false },
    };

    expect(readBusEvent(payload, OWN)).toEqual({
      type: 'user.disconnected',
      data: { id: 3, username: 'Mary', online: false },
    });
  });
});

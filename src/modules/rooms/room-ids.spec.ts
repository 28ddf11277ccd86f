import {
  isCanonicalPrivateRoomId,
  privateRoomId,
  privateRoomParticipants,
  roomKindOf,
} from './room-ids.js';

describe('room ids', () => {
  it('should give a private room the same min:max id whoever opens it', () => {
    expect(privateRoomId(1, 2)).toBe('1:2');
    expect(privateRoomId(2, 1)).toBe('1:2');
    expect(privateRoomId(10, 9)).toBe('9:10');
  });

  it('should compare user ids as numbers, not as text', () => {
    expect(privateRoomId(10, 2)).toBe('2:10');
  });

  it('should read the participants back from a private room id', () => {
    expect(privateRoomParticipants('3:14')).toEqual([3, 14]);
    expect(privateRoomParticipants('0')).toBeNull();
    expect(privateRoomParticipants('7')).toBeNull();
  });

  it.each([
    ['0', 'general'],
    ['7', 'channel'],
    ['1:2', 'private'],
  ])('should classify %s as %s', (roomId, kind) => {
    expect(roomKindOf(roomId)).toBe(kind);
  });

  it('should accept only min:max ids of two different users as canonical', () => {
    expect(isCanonicalPrivateRoomId('1:2')).toBe(true);
    expect(isCanonicalPrivateRoomId('2:1')).toBe(false);
    expect(isCanonicalPrivateRoomId('2:2')).toBe(false);
    expect(isCanonicalPrivateRoomId('5')).toBe(false);
  });
});

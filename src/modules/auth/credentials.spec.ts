import { isValidPassword, isValidUsername, passwordByteLength } from './credentials.js';

describe('credentials', () => {
  it.each([
    ['abc', true],
    ['Pablo', true],
    ['a.b-c_d9', true],
    ['x'.repeat(32), true],
    ['ab', false],
    ['x'.repeat(33), false],
    ['with space', false],
    ['colon:name', false],
    ['star*', false],
    ['brace{x}', false],
    ['Zoë', false],
    ['', false],
  ])('should judge the username %j as valid: %s', (username, valid) => {
    expect(isValidUsername(username)).toBe(valid);
  });

  it('should refuse usernames that are not strings', () => {
    expect(isValidUsername(42)).toBe(false);
    expect(isValidUsername(undefined)).toBe(false);
  });

  it.each([
    ['password', true],
    ['1234567', false],
    ['x'.repeat(72), true],
    ['x'.repeat(73), false],
    // 24 three-byte characters are 72 bytes; one more is 75.
    ['€'.repeat(24), true],
    ['€'.repeat(25), false],
    // 18 four-byte characters are 72 bytes, though JavaScript counts them as 36.
    ['😀'.repeat(18), true],
    ['😀'.repeat(18) + 'a', false],
    // Two characters of four bytes each reach the minimum of eight bytes.
    ['😀😀', true],
  ])('should judge a password of %j by its UTF-8 bytes as valid: %s', (password, valid) => {
    expect(isValidPassword(password)).toBe(valid);
  });

  it('should count bytes, not characters', () => {
    expect(passwordByteLength('€')).toBe(3);
    expect(passwordByteLength('abc')).toBe(3);
  });
});

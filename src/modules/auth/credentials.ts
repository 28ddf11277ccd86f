/**
 * The rules for account names and passwords, kept free of Nest so the DTOs, the service and the
 * unit tests share one definition.
 */

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;

/** Letters, digits, `_`, `.` and `-`: nothing that could change which Redis key is addressed. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

export const USERNAME_RULE = `${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters of A-Z a-z 0-9 _ . -`;

export const PASSWORD_MIN_BYTES = 8;

/** bcrypt ignores everything after the 72nd byte, so longer passwords are refused. */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_RULE = `${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes in UTF-8`;

export function isValidUsername(value: unknown): value is string {
  return typeof value === 'string' && USERNAME_PATTERN.test(value);
}

export function passwordByteLength(password: string): number {
  return Buffer.byteLength(password, 'utf8');
}

export function isValidPassword(value: unknown): value is string {
  if (typeof value !== 'string') return false;

  const bytes = passwordByteLength(value);

  return bytes >= PASSWORD_MIN_BYTES && bytes <= PASSWORD_MAX_BYTES;
}

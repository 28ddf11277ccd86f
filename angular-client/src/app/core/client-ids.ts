/**
 * A fresh `clientMessageId` (the server accepts 8 to 64 of A-Z a-z 0-9 _ -). Built from
 * getRandomValues, which unlike randomUUID also works on plain-http deployments.
 */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

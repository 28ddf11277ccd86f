/** The demo content created on an empty Redis. */

export const DEMO_PASSWORD = 'password123';

/** Created in this order, so they get ids 1 to 4. */
export const DEMO_USERNAMES = ['Pablo', 'Joe', 'Mary', 'Alex'] as const;

/** General's opening conversation: sender index into DEMO_USERNAMES, then text. */
export const DEMO_GENERAL_MESSAGES: ReadonlyArray<[number, string]> = [
  [0, 'Morning all! Has anyone tried the new build yet?'],
  [1, 'Yes, it starts in seconds now.'],
  [2, 'The private chats work nicely too.'],
  [3, 'Nice. I will write up the release notes today.'],
  [0, 'Thanks, Alex. Ping me when they are ready for review.'],
];

/** Minutes between two General messages; the last one lands a minute before start-up. */
export const DEMO_GENERAL_SPACING_MINUTES = 4;

export function privateGreeting(fromName: string, toName: string): string {
  return `Hi ${toName}, it's ${fromName}. Good to have a direct line.`;
}

export function privateReply(fromName: string, toName: string): string {
  return `Hello ${toName}! Likewise, ${fromName} here.`;
}

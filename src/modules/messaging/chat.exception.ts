import type { ChatError, ChatErrorCode } from '../../shared/chat-events.js';

/** A refusal the client may branch on; the gateway turns it into an error acknowledgement. */
export class ChatException extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
  }

  toChatError(): ChatError {
    return { code: this.code, message: this.message };
  }
}

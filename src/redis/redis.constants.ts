/** Injection token of the client for ordinary commands (and scripts). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** Injection token of the connection dedicated to SUBSCRIBE; it cannot run other commands. */
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');

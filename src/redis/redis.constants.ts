/** Injection token of the client for ordinary commands (and scripts). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

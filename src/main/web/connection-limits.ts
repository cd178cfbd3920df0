/**
 * What one browser host lets its pages hold at once. Every stream is an upstream call
 * billed to the user's key, and every socket holds memory, so a hostile local page or
 * process (it has no token, but a page the user opened from the printed URL might be
 * scripted) must not open hundreds of either.
 */

/** Authenticated sockets at once: a few tabs of the app, with room to reload. */
export const MAX_SOCKETS = 16
/**
 * Replies streaming at once from one socket. The core already allows one per
 * conversation; a person follows a handful at most.
 */
export const MAX_STREAMS_PER_SOCKET = 4
/** Close code of RFC 6455 §7.4.1 (registered 1013): the server is overloaded, try again later. */
export const TRY_AGAIN_LATER = 1013

/** The channels that start a streamed, billed reply (shared/contract.ts). */
export const STREAM_CHANNELS: ReadonlySet<string> = new Set([
  'chat.send',
  'chat.retry',
  'chat.regenerate',
  'chat.edit',
  'chat.continue',
])

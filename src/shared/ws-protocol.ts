/**
 * Frames of the browser host's WebSocket, the stand-in for Electron IPC when the
 * renderer runs in plain Chromium. The page is opened at /#token=T and keeps T in its
 * tab's sessionStorage; the socket offers it on the handshake as a subprotocol
 * (TOKEN_PROTOCOL_PREFIX + T) beside WS_SUBPROTOCOL, the one the host selects. Assets
 * need no token; no cookie is ever set.
 */
import type { Result } from './errors'

export const WS_PATH = '/ws'
/** The subprotocol the host selects; it never echoes the token one back. */
export const WS_SUBPROTOCOL = 'mdesk.v1'
export const TOKEN_PROTOCOL_PREFIX = 'mdesk.token.'

export type ClientFrame = { kind: 'invoke'; id: number; channel: string; input: unknown }

export type ServerFrame =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown }

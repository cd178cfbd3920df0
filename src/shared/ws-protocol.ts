/**
 * Frames of the browser host's WebSocket, the stand-in for Electron IPC when the
 * renderer runs in plain Chromium. The page is opened at /?token=T; the host answers
 * with an HttpOnly cookie holding T, and every later request (assets, /ws) must carry it.
 */
import type { Result } from './errors'

export const WS_PATH = '/ws'
export const TOKEN_COOKIE = 'mdesk_token'

export type ClientFrame = { kind: 'invoke'; id: number; channel: string; input: unknown }

export type ServerFrame =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown }

/**
 * The browser host's stand-in for Electron IPC: one WebSocket per page, carrying the
 * frames of shared/ws-protocol.ts. Each invoke goes through the same dispatch() as IPC;
 * events a handler emits go to this socket only.
 */
import { WebSocket, type RawData } from 'ws'
import { z } from 'zod'
import type { EventName, EventPayload } from '../../shared/contract'
import type { ChatStreamEvent } from '../../shared/domain'
import { appError, type Result } from '../../shared/errors'
import type { ServerFrame } from '../../shared/ws-protocol'
import { dispatch, type CallContext, type Dispatchable } from '../core/dispatch'
import type { Logger } from '../core/ports'
import { MAX_STREAMS_PER_SOCKET, STREAM_CHANNELS } from './connection-limits'
import { StreamAllowance } from './stream-allowance'

/** The envelope is checked here; the input itself is validated by dispatch() against the contract. */
const invokeFrame = z
  .object({
    kind: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(200),
    input: z.unknown(),
  })
  .strict()

/** Close codes from RFC 6455. */
const UNSUPPORTED_DATA = 1003
const POLICY_VIOLATION = 1008
/**
 * A peer that broke the protocol may never answer our close frame, and ws would hold its
 * socket for 30 s waiting; a well-behaved page answers in milliseconds.
 */
export const CLOSE_GRACE_MS = 1_000

export function bridgeSocket(ws: WebSocket, core: Dispatchable, logger: Logger): void {
  const closeListeners = new Set<() => void>()
  let closed = false
  ws.once('close', () => {
    closed = true
    for (const listener of closeListeners) runSafely(listener, logger)
    closeListeners.clear()
  })
  // ws reports a peer's protocol violation (bad UTF-8, RSV bits, opcode, mask, close code,
  // oversize length) here, after it has already sent the close frame with the RFC's code.
  // Without a listener, EventEmitter throws it and the whole host exits; with one, only this
  // socket goes, and its 'close' stops the streams it started.
  ws.on('error', (err: Error & { code?: string }) => {
    logger.warn('A page broke the WebSocket protocol; closing its socket', { code: err.code ?? 'unknown', error: err.message })
    closeSoon(ws)
  })

  const send = (frame: ServerFrame): void => {
    if (ws.readyState !== WebSocket.OPEN) return
    let text: string
    try {
      text = JSON.stringify(frame)
    } catch (err) {
      logger.error('Could not serialise a frame for the page', { error: String(err) })
      if (frame.kind !== 'result') return
      text = JSON.stringify({ ...frame, result: failure('internal', 'The reply could not be encoded.') })
    }
    ws.send(text)
  }

  // The core limits streams per conversation, not per caller; until it does, the bridge
  // caps what one socket may have upstream (each stream is billed to the user's key).
  const streams = new StreamAllowance(MAX_STREAMS_PER_SOCKET)

  const ctx: CallContext = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      if (event === 'chat.stream') streams.observe(payload as ChatStreamEvent)
      send({ kind: 'event', event, payload })
    },
    onClose(listener) {
      // A handler that registers after the page left must still clean up.
      if (closed) queueMicrotask(() => runSafely(listener, logger))
      else closeListeners.add(listener)
    },
  }

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      closeSoon(ws, UNSUPPORTED_DATA, 'Binary frames are not supported.')
      return
    }
    const frame = parseFrame(rawToString(data))
    if (!frame.ok) {
      if (frame.id === null) closeSoon(ws, POLICY_VIOLATION, 'Malformed frame.')
      else send({ kind: 'result', id: frame.id, result: failure('invalid_input', 'Malformed request frame.') })
      return
    }
    const { id, channel, input } = frame.value
    const streaming = STREAM_CHANNELS.has(channel)
    if (streaming && !streams.tryStart()) {
      send({ kind: 'result', id, result: tooManyStreams() })
      return
    }
    void dispatch(core, channel, input, ctx).then(
      (result) => {
        if (streaming) streams.settle(result.ok ? result.value : null)
        send({ kind: 'result', id, result })
      },
      (err: unknown) => {
        if (streaming) streams.settle(null)
        // dispatch() maps handler failures itself; this is a bug in it, not in the caller.
        logger.error('dispatch failed', { channel, error: String(err) })
        send({ kind: 'result', id, result: failure('internal', 'Something went wrong in the app.') })
      },
    )
  })
}

/** Sends a close frame (unless ws already did) and drops the TCP connection if the peer does not answer it. */
export function closeSoon(ws: WebSocket, code?: number, reason?: string): void {
  if (ws.readyState === WebSocket.OPEN) ws.close(code, reason)
  if (ws.readyState === WebSocket.CLOSED) return
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
}

type Parsed = { ok: true; value: z.infer<typeof invokeFrame> } | { ok: false; id: number | null }

function parseFrame(text: string): Parsed {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, id: null }
  }
  const parsed = invokeFrame.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const id = (json as { id?: unknown } | null)?.id
  return { ok: false, id: typeof id === 'number' && Number.isInteger(id) ? id : null }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  return Buffer.from(data).toString('utf8')
}

function failure(code: 'invalid_input' | 'internal', message: string): Result<never> {
  return { ok: false, error: appError(code, message) }
}

function tooManyStreams(): Result<never> {
  return {
    ok: false,
    error: appError(
      'rate_limited',
      `This window already has ${MAX_STREAMS_PER_SOCKET} replies streaming, and at most ${MAX_STREAMS_PER_SOCKET} replies stream at once. Stop one or wait for it to finish, then try again.`,
      { retryable: true },
    ),
  }
}

function runSafely(listener: () => void, logger: Logger): void {
  try {
    listener()
  } catch (err) {
    logger.error('A close listener failed', { error: String(err) })
  }
}

/**
 * Collects streamed text and hands it over at most once per animation frame.
 * Main already coalesces, but several IPC messages can still land in one frame, and
 * each store update costs a render of the growing message; one per frame is enough.
 */
import type { ChatStreamEvent } from '../../../../shared/domain'

export type DeltaEvent = Extract<ChatStreamEvent, { type: 'delta' }>

export interface DeltaBuffer {
  push(event: DeltaEvent): void
  /** Applies what is buffered now; call before a done/stopped/error so no text lands after it. */
  flush(): void
  dispose(): void
}

export interface FrameScheduler {
  request(callback: () => void): number
  cancel(handle: number): void
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
}

export function createDeltaBuffer(
  apply: (events: DeltaEvent[]) => void,
  scheduler: FrameScheduler = animationFrames,
): DeltaBuffer {
  // One merged event per request, in arrival order (Map keeps insertion order).
  let pending = new Map<string, DeltaEvent>()
  let frame: number | null = null

  const flush = () => {
    if (frame !== null) scheduler.cancel(frame)
    frame = null
    if (pending.size === 0) return
    const batch = [...pending.values()]
    pending = new Map()
    apply(batch)
  }

  return {
    push(event) {
      const queued = pending.get(event.requestId)
      pending.set(event.requestId, queued ? { ...queued, text: queued.text + event.text } : event)
      if (frame === null) frame = scheduler.request(flush)
    },
    flush,
    dispose() {
      if (frame !== null) scheduler.cancel(frame)
      frame = null
      pending.clear()
    },
  }
}

/**
 * Batches streamed text so the renderer gets about one event per frame instead of
 * one per token: a peer client that forwarded every delta froze for minutes on long
 * chats. Text is only ever appended, so nothing is lost or reordered; call flush()
 * before the terminal event so the last characters arrive before `done`.
 *
 * It throttles rather than debounces: text that arrives after a quiet interval (the
 * first token above all) goes out at once, and only what follows within the interval
 * waits. Holding the first token for a full interval cost ~25 ms of time to first token
 * (BENCHMARKS.md, stream-overhead) for no saving in events.
 */
export const DEFAULT_COALESCE_MS = 24

export class DeltaCoalescer {
  private buffer = ''
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastEmitAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly emit: (text: string) => void,
    private readonly intervalMs: number = DEFAULT_COALESCE_MS,
  ) {}

  push(text: string): void {
    if (!text) return
    this.buffer += text
    if (this.timer) return
    const wait = this.lastEmitAt + this.intervalMs - Date.now()
    if (wait <= 0) this.flush()
    else this.timer = setTimeout(() => this.flush(), wait)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.buffer) return
    const text = this.buffer
    this.buffer = ''
    this.lastEmitAt = Date.now()
    this.emit(text)
  }

  /** Drops pending text without emitting it (the caller is gone). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.buffer = ''
  }
}

/**
 * Batches streamed text so the renderer gets about one event per frame instead of
 * one per token: a peer client that forwarded every delta froze for minutes on long
 * chats. Text is only ever appended, so nothing is lost or reordered; call flush()
 * before the terminal event so the last characters arrive before `done`.
 */
export const DEFAULT_COALESCE_MS = 24

export class DeltaCoalescer {
  private buffer = ''
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly emit: (text: string) => void,
    private readonly intervalMs: number = DEFAULT_COALESCE_MS,
  ) {}

  push(text: string): void {
    if (!text) return
    this.buffer += text
    // The first delta of a batch starts the clock; later ones ride along.
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.buffer) return
    const text = this.buffer
    this.buffer = ''
    this.emit(text)
  }

  /** Drops pending text without emitting it (the caller is gone). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.buffer = ''
  }
}

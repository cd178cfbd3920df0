/**
 * Writes the growing reply to SQLite while it streams, at most once per interval,
 * so a crash loses at most the last interval of text (the row is then marked
 * interrupted at start-up) without a write per token.
 */
export const DEFAULT_PERSIST_MS = 250

export class StreamWriter {
  private pending: string | null = null
  private lastWrite = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly write: (content: string) => void,
    private readonly intervalMs: number = DEFAULT_PERSIST_MS,
  ) {}

  /** `content` is the whole text so far: only the latest snapshot matters. */
  update(content: string): void {
    this.pending = content
    const wait = this.lastWrite + this.intervalMs - Date.now()
    if (wait <= 0) this.flush()
    // A trailing write, so text that arrives just before a stall still reaches disk.
    else this.timer ??= setTimeout(() => this.flush(), wait)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.pending === null) return
    const content = this.pending
    this.pending = null
    this.lastWrite = Date.now()
    this.write(content)
  }

  /** Stops writing; the final state is written by whoever ends the stream. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
  }
}

/**
 * Port doubles for tests: an in-memory settings store, a reversible fake cipher,
 * a recording logger and a CallContext that records events. Test-only.
 */
import type { EventName, EventPayload } from '../../../shared/contract'
import type { ChatPartEvent, ChatStreamEvent, ConversationSummary } from '../../../shared/domain'
import type { CallContext } from '../dispatch'
import type { Logger, SecretCipher, SettingsStore } from '../ports'

export class MemorySettings implements SettingsStore {
  readonly data = new Map<string, unknown>()
  get(key: string): unknown {
    return this.data.get(key)
  }
  set(key: string, value: unknown): void {
    this.data.set(key, value)
  }
  delete(key: string): void {
    this.data.delete(key)
  }
  /** What a settings file on disk would contain. */
  serialize(): string {
    return JSON.stringify(Object.fromEntries(this.data))
  }
}

/** XOR with a fixed pad plus a marker: reversible, and the ciphertext never contains the plaintext. */
export class FakeCipher implements SecretCipher {
  static readonly MARKER = 'FAKE1:'
  constructor(
    readonly isStrong: boolean,
    readonly backend = isStrong ? 'gnome_libsecret' : 'basic_text',
  ) {}
  encrypt(plain: string): Buffer {
    const bytes = Buffer.from(plain, 'utf8').map((b, i) => b ^ (0x5a + (i % 7)))
    return Buffer.concat([Buffer.from(FakeCipher.MARKER), bytes])
  }
  decrypt(cipher: Buffer): string {
    const marker = cipher.subarray(0, FakeCipher.MARKER.length).toString()
    if (marker !== FakeCipher.MARKER) throw new Error('not our ciphertext')
    return Buffer.from(cipher.subarray(FakeCipher.MARKER.length).map((b, i) => b ^ (0x5a + (i % 7)))).toString('utf8')
  }
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = []
  private record(level: string, message: string, data?: Record<string, unknown>): void {
    this.lines.push(`${level} ${message} ${data ? JSON.stringify(data) : ''}`)
  }
  info(message: string, data?: Record<string, unknown>): void {
    this.record('info', message, data)
  }
  warn(message: string, data?: Record<string, unknown>): void {
    this.record('warn', message, data)
  }
  error(message: string, data?: Record<string, unknown>): void {
    this.record('error', message, data)
  }
}

type Terminal = Exclude<ChatStreamEvent['type'], 'delta'>

export class RecordingContext implements CallContext {
  /** chat.stream events. */
  readonly events: ChatStreamEvent[] = []
  /** chat.parts events (thinking, citations, unknown chunks). */
  readonly parts: ChatPartEvent[] = []
  /** conversations.changed events. */
  readonly changes: ConversationSummary[] = []
  private readonly closeListeners: (() => void)[] = []
  private waiters: { requestId: string; resolve: (e: ChatStreamEvent) => void }[] = []
  private changeWaiters: { conversationId: string; resolve: (c: ConversationSummary) => void }[] = []

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'conversations.changed') {
      const summary = payload as ConversationSummary
      this.changes.push(summary)
      this.changeWaiters = this.changeWaiters.filter((w) => {
        if (w.conversationId !== summary.id) return true
        w.resolve(summary)
        return false
      })
      return
    }
    if (event === 'chat.parts') {
      this.parts.push(payload as ChatPartEvent)
      return
    }
    this.chatEvent(payload as ChatStreamEvent)
  }

  /** Resolves with the next (or an already seen) conversations.changed event of a conversation. */
  changed(conversationId: string): Promise<ConversationSummary> {
    const seen = this.changes.find((c) => c.id === conversationId)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.changeWaiters.push({ conversationId, resolve }))
  }

  private chatEvent(payload: ChatStreamEvent): void {
    this.events.push(payload)
    if (payload.type === 'delta') return
    this.waiters = this.waiters.filter((w) => {
      if (w.requestId !== payload.requestId) return true
      w.resolve(payload)
      return false
    })
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener)
  }

  close(): void {
    for (const l of this.closeListeners.splice(0)) l()
  }

  /** Resolves with the done / stopped / error event of a request (at once if it already came). */
  finished(requestId: string): Promise<Extract<ChatStreamEvent, { type: Terminal }>> {
    const seen = this.events.find((e) => e.requestId === requestId && e.type !== 'delta')
    if (seen) return Promise.resolve(seen as Extract<ChatStreamEvent, { type: Terminal }>)
    return new Promise((resolve) => this.waiters.push({ requestId, resolve: resolve as (e: ChatStreamEvent) => void }))
  }

  deltas(requestId: string): string[] {
    return this.events.flatMap((e) => (e.type === 'delta' && e.requestId === requestId ? [e.text] : []))
  }
}

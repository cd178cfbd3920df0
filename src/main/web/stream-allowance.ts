/**
 * Counts the replies one socket has streaming, so the bridge can refuse the one too many
 * before it reaches the core and becomes a billed upstream call. A stream counts from the
 * moment its request arrives (so a burst cannot slip in before the first answers) until
 * its terminal chat.stream event (done, stopped or error).
 */
import type { ChatStreamEvent, StartedReply } from '../../shared/domain'

const TERMINAL: ReadonlySet<ChatStreamEvent['type']> = new Set(['done', 'stopped', 'error'])

export class StreamAllowance {
  private starting = 0
  private readonly live = new Set<string>()
  /** Ends seen before the request's own result arrived, so the slot is not taken back. */
  private readonly endedEarly = new Set<string>()

  constructor(private readonly max: number) {}

  /** Takes a slot; false when all are in use. */
  tryStart(): boolean {
    if (this.starting + this.live.size >= this.max) return false
    this.starting++
    return true
  }

  /** The request that took a slot was answered: a started reply keeps it, anything else frees it. */
  settle(value: unknown): void {
    this.starting--
    const requestId = (value as Partial<StartedReply> | null)?.requestId
    if (typeof requestId !== 'string') return
    if (this.endedEarly.delete(requestId)) return
    this.live.add(requestId)
  }

  /** Every chat.stream event the socket is sent passes through here. */
  observe(event: ChatStreamEvent): void {
    if (!TERMINAL.has(event.type)) return
    if (!this.live.delete(event.requestId) && this.starting > 0) this.endedEarly.add(event.requestId)
  }
}

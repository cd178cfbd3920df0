/** Chat's own tables (migrations/001): parts, tool calls, structured checks, conversation options. */
import {
  DEFAULT_CHAT_OPTIONS,
  type ChatOptions,
  type MessagePart,
  type StructuredCheck,
  type ToolCallRecord,
} from '../../../shared/domain'
import type { Db } from '../kernel/db/database'

interface PartRow {
  message_id: string
  kind: MessagePart['type']
  data_json: string
}

interface CallRow {
  message_id: string
  call_id: string
  name: string
  arguments: string
  result: string | null
}

interface CheckRow {
  message_id: string
  valid: number
  errors_json: string
}

const toPart = (r: PartRow): MessagePart => ({ type: r.kind, ...(JSON.parse(r.data_json) as object) }) as MessagePart
const toCall = (r: CallRow): ToolCallRecord => ({ id: r.call_id, name: r.name, arguments: r.arguments, result: r.result })

export class ReplyDetailsRepo {
  private readonly insertPart
  private readonly insertCall
  private readonly answerCall
  private readonly putCheck
  private readonly partsOf
  private readonly callsOf
  private readonly partsIn
  private readonly callsIn
  private readonly checksIn
  private readonly clearParts
  private readonly clearCalls
  private readonly clearCheck
  private readonly getOptionsStmt
  private readonly putOptionsStmt

  constructor(db: Db) {
    this.insertPart = db.prepare(
      `INSERT INTO message_parts (message_id, seq, kind, data_json)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM message_parts WHERE message_id = ?), ?, ?)`,
    )
    this.insertCall = db.prepare(
      'INSERT INTO message_tool_calls (message_id, seq, call_id, name, arguments) VALUES (?, ?, ?, ?, ?)',
    )
    this.answerCall = db.prepare(
      'UPDATE message_tool_calls SET result = ?, answered_at = ? WHERE message_id = ? AND call_id = ? AND result IS NULL',
    )
    this.putCheck = db.prepare(
      'INSERT OR REPLACE INTO message_structured_checks (message_id, valid, errors_json) VALUES (?, ?, ?)',
    )
    this.partsOf = db.prepare<[string], PartRow>('SELECT message_id, kind, data_json FROM message_parts WHERE message_id = ? ORDER BY seq')
    this.callsOf = db.prepare<[string], CallRow>(
      'SELECT message_id, call_id, name, arguments, result FROM message_tool_calls WHERE message_id = ? ORDER BY seq',
    )
    const inConversation = 'message_id IN (SELECT id FROM messages WHERE conversation_id = ?)'
    this.partsIn = db.prepare<[string], PartRow>(
      `SELECT message_id, kind, data_json FROM message_parts WHERE ${inConversation} ORDER BY message_id, seq`,
    )
    this.callsIn = db.prepare<[string], CallRow>(
      `SELECT message_id, call_id, name, arguments, result FROM message_tool_calls WHERE ${inConversation} ORDER BY message_id, seq`,
    )
    this.checksIn = db.prepare<[string], CheckRow>(
      `SELECT message_id, valid, errors_json FROM message_structured_checks WHERE ${inConversation}`,
    )
    this.clearParts = db.prepare('DELETE FROM message_parts WHERE message_id = ?')
    this.clearCalls = db.prepare('DELETE FROM message_tool_calls WHERE message_id = ?')
    this.clearCheck = db.prepare('DELETE FROM message_structured_checks WHERE message_id = ?')
    this.getOptionsStmt = db.prepare<[string], { options_json: string }>(
      'SELECT options_json FROM conversation_chat_options WHERE conversation_id = ?',
    )
    this.putOptionsStmt = db.prepare(
      'INSERT OR REPLACE INTO conversation_chat_options (conversation_id, options_json) VALUES (?, ?)',
    )
  }

  addPart(messageId: string, part: MessagePart): void {
    const { type, ...data } = part
    this.insertPart.run(messageId, messageId, type, JSON.stringify(data))
  }

  addToolCalls(messageId: string, calls: readonly ToolCallRecord[]): void {
    calls.forEach((call, i) => this.insertCall.run(messageId, i + 1, call.id, call.name, call.arguments))
  }

  /** False when the call does not exist or was answered already: each call gets exactly one result. */
  answer(messageId: string, callId: string, result: string, at: number): boolean {
    return this.answerCall.run(result, at, messageId, callId).changes > 0
  }

  setCheck(messageId: string, check: StructuredCheck): void {
    this.putCheck.run(messageId, check.valid ? 1 : 0, JSON.stringify(check.errors))
  }

  parts(messageId: string): MessagePart[] {
    return this.partsOf.all(messageId).map(toPart)
  }

  toolCalls(messageId: string): ToolCallRecord[] {
    return this.callsOf.all(messageId).map(toCall)
  }

  /** Everything stored for a conversation's messages, grouped by message id. */
  forConversation(conversationId: string): {
    parts: Map<string, MessagePart[]>
    calls: Map<string, ToolCallRecord[]>
    checks: Map<string, StructuredCheck>
  } {
    const parts = new Map<string, MessagePart[]>()
    for (const row of this.partsIn.all(conversationId)) push(parts, row.message_id, toPart(row))
    const calls = new Map<string, ToolCallRecord[]>()
    for (const row of this.callsIn.all(conversationId)) push(calls, row.message_id, toCall(row))
    const checks = new Map<string, StructuredCheck>()
    for (const row of this.checksIn.all(conversationId)) {
      checks.set(row.message_id, { valid: row.valid === 1, errors: JSON.parse(row.errors_json) as StructuredCheck['errors'] })
    }
    return { parts, calls, checks }
  }

  /** A retried reply starts over: what the failed attempt left is dropped with its text. */
  clear(messageId: string): void {
    this.clearParts.run(messageId)
    this.clearCalls.run(messageId)
    this.clearCheck.run(messageId)
  }

  options(conversationId: string): ChatOptions {
    const row = this.getOptionsStmt.get(conversationId)
    return row ? { ...DEFAULT_CHAT_OPTIONS, ...(JSON.parse(row.options_json) as Partial<ChatOptions>) } : DEFAULT_CHAT_OPTIONS
  }

  setOptions(conversationId: string, options: ChatOptions): void {
    this.putOptionsStmt.run(conversationId, JSON.stringify(options))
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Claude's data export (conversations.json): an array of conversations with
 * `chat_messages` in order; newer exports name each message's parent
 * (parent_message_uuid), older ones are one line. Text is `text`, or the text blocks of `content`.
 */
import { z } from 'zod'
import { buildRecord, type ForeignMessage } from './build-record'
import type { ParsedConversation } from './parsed'

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date')

const message = z
  .object({
    uuid: z.string().min(1),
    sender: z.enum(['human', 'assistant']),
    text: z.string().optional(),
    content: z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()).optional(),
    created_at: isoTime,
    parent_message_uuid: z.string().nullish(),
  })
  .passthrough()

const conversation = z
  .object({ uuid: z.string().min(1), name: z.string().nullish(), created_at: isoTime, updated_at: isoTime.nullish(), chat_messages: z.array(message) })
  .passthrough()

export const looksLikeClaude = (items: unknown[]): boolean =>
  items.some((c) => c !== null && typeof c === 'object' && 'chat_messages' in c)

/** Claude marks the first message's parent with this all-zero id. */
const NO_PARENT = '00000000-0000-4000-8000-000000000000'

export function parseClaude(item: unknown, index: number): ParsedConversation {
  const parsed = conversation.safeParse(item)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { index, problem: `not a Claude conversation: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim() }
  }
  const c = parsed.data
  const known = new Set(c.chat_messages.map((m) => m.uuid))
  const messages: ForeignMessage[] = c.chat_messages.map((m, i) => {
    const previous = c.chat_messages[i - 1]
    const declared = m.parent_message_uuid && m.parent_message_uuid !== NO_PARENT ? m.parent_message_uuid : null
    const parent = declared !== null ? (known.has(declared) ? declared : null) : (previous?.uuid ?? null)
    const blocks = (m.content ?? []).filter((b) => b.type === 'text' && typeof b.text === 'string').map((b) => b.text)
    return {
      id: `cl-${m.uuid}`.slice(0, 64),
      parentId: parent === null ? null : `cl-${parent}`.slice(0, 64),
      role: m.sender === 'human' ? 'user' : 'assistant',
      // Newer exports leave text empty and put it in content blocks.
      content: m.text || blocks.join('\n'),
      createdAt: Date.parse(m.created_at),
      model: null,
    }
  })
  const createdAt = Date.parse(c.created_at)
  return {
    index,
    record: buildRecord({
      id: `cl-${c.uuid}`.slice(0, 64),
      title: c.name?.trim() || 'Untitled Claude conversation',
      model: 'claude',
      createdAt,
      updatedAt: c.updated_at ? Date.parse(c.updated_at) : createdAt,
      currentId: null,
      messages,
    }),
  }
}

/**
 * Our own JSON export (export-service.ts). Every column comes back as it was; columns
 * this version does not know are dropped by the writer. Each conversation is checked for
 * the columns without which it cannot be stored, and its messages for belonging to it.
 */
import { z } from 'zod'
import { EXPORT_FORMAT } from '../export-service'
import type { Cell } from '../history-tables'
import type { ParsedConversation } from './parsed'

const cell = z.union([z.string(), z.number(), z.null()])
const time = z.number().int().min(0)

const messageSchema = z
  .object({
    id: z.string().min(1).max(64),
    conversation_id: z.string(),
    seq: z.number().int().min(1),
    parent_id: z.string().max(64).nullable().optional(),
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string(),
    status: z.enum(['streaming', 'complete', 'stopped', 'error', 'interrupted']),
    created_at: time,
    updated_at: time,
  })
  .catchall(cell)

const conversationSchema = z
  .object({
    id: z.string().min(1).max(64),
    title: z.string().min(1).max(1000),
    model: z.string().min(1).max(128),
    created_at: time,
    updated_at: time,
    messages: z.array(messageSchema),
  })
  .catchall(cell)

export const looksLikeOurs = (json: unknown): json is { format: string; conversations: unknown } =>
  json !== null && typeof json === 'object' && (json as { format?: unknown }).format === EXPORT_FORMAT

export function parseOurs(item: unknown, index: number): ParsedConversation {
  const parsed = conversationSchema.safeParse(item)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { index, problem: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` }
  }
  const { messages, ...conversation } = parsed.data
  const ids = new Set<string>()
  const seqs = new Set<number>()
  for (const [i, m] of messages.entries()) {
    if (m.conversation_id !== conversation.id) return { index, problem: `messages.${i}: belongs to another conversation (${m.conversation_id})` }
    if (ids.has(m.id) || seqs.has(m.seq)) return { index, problem: `messages.${i}: its id or seq repeats an earlier message` }
    ids.add(m.id)
    seqs.add(m.seq)
  }
  for (const [i, m] of messages.entries()) {
    if (m.parent_id && !ids.has(m.parent_id)) return { index, problem: `messages.${i}: follows a message that is not in the file` }
  }
  return { index, record: { conversation: conversation as Record<string, Cell>, messages: messages as Record<string, Cell>[] } }
}

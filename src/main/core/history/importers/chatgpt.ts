/**
 * ChatGPT's data export (conversations.json, or conversations-000.json… in recent ones):
 * an array of conversations whose messages are a tree in `mapping`. Real exports hold
 * nodes without a message (the root), hidden system and tool nodes, parents that are
 * missing, and children that point nowhere: hidden nodes are skipped with their
 * children attached to the nearest shown ancestor, and a missing parent makes a root.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { MessageRole } from '../../../../shared/domain'
import { buildRecord, type ForeignMessage } from './build-record'
import type { ParsedConversation } from './parsed'

const node = z.object({
  id: z.string().optional(),
  parent: z.string().nullish(),
  message: z
    .object({
      id: z.string().optional(),
      author: z.object({ role: z.string() }),
      create_time: z.number().nullish(),
      content: z.object({ content_type: z.string().optional(), parts: z.array(z.unknown()).optional(), text: z.string().optional() }).passthrough(),
      metadata: z.object({ model_slug: z.string().nullish(), is_visually_hidden_from_conversation: z.boolean().nullish() }).passthrough().nullish(),
    })
    .passthrough()
    .nullish(),
})

const conversation = z
  .object({
    title: z.string().nullish(),
    create_time: z.number(),
    update_time: z.number().nullish(),
    mapping: z.record(z.string(), node),
    current_node: z.string().nullish(),
    id: z.string().optional(),
    conversation_id: z.string().optional(),
  })
  .passthrough()

export const looksLikeChatGpt = (items: unknown[]): boolean =>
  items.some((c) => c !== null && typeof c === 'object' && 'mapping' in c)

/**
 * Our id for a node: stable (importing again finds it) and unique across conversations,
 * since node ids are only promised to be unique within one.
 */
const nodeId = (conversationId: string, key: string) => `cg-${createHash('sha256').update(`${conversationId}\n${key}`).digest('hex').slice(0, 32)}`

const SHOWN_ROLES = new Set(['user', 'assistant'])
const ms = (seconds: number) => Math.round(seconds * 1000)

function text(content: { text?: string; parts?: unknown[] }): string {
  if (typeof content.text === 'string') return content.text
  return (content.parts ?? []).filter((p): p is string => typeof p === 'string').join('\n')
}

export function parseChatGpt(item: unknown, index: number): ParsedConversation {
  const parsed = conversation.safeParse(item)
  if (!parsed.success) return { index, problem: `not a ChatGPT conversation: ${parsed.error.issues[0]?.path.join('.') || 'record'} ${parsed.error.issues[0]?.message ?? ''}`.trim() }
  const c = parsed.data
  const sourceId = c.id ?? c.conversation_id ?? `${c.create_time}-${index}`
  const mapping = c.mapping
  // A node is shown when it carries user or assistant text; the rest only link the tree.
  const shown = (key: string) => {
    const m = mapping[key]?.message
    return !!m && SHOWN_ROLES.has(m.author.role) && !m.metadata?.is_visually_hidden_from_conversation && text(m.content).trim() !== ''
  }
  const shownAncestor = (key: string | null | undefined): string | null => {
    const seen = new Set<string>()
    let at = key ?? null
    while (at !== null && mapping[at] && !seen.has(at)) {
      if (shown(at)) return at
      seen.add(at)
      at = mapping[at]?.parent ?? null
    }
    return null
  }
  const messages: ForeignMessage[] = []
  let lastTime = ms(c.create_time)
  for (const key of Object.keys(mapping)) {
    if (!shown(key)) continue
    const m = mapping[key]?.message
    if (!m) continue
    const parent = shownAncestor(mapping[key]?.parent)
    lastTime = m.create_time ? ms(m.create_time) : lastTime
    messages.push({
      id: nodeId(sourceId, key),
      parentId: parent === null ? null : nodeId(sourceId, parent),
      role: m.author.role as MessageRole,
      content: text(m.content),
      createdAt: m.create_time ? ms(m.create_time) : ms(c.create_time),
      model: m.author.role === 'assistant' ? (m.metadata?.model_slug ?? null) : null,
    })
  }
  const current = shownAncestor(c.current_node)
  const model = [...messages].reverse().find((m) => m.model)?.model ?? 'chatgpt'
  return {
    index,
    record: buildRecord({
      id: `cg-${sourceId}`.slice(0, 64),
      title: c.title?.trim() || 'Untitled ChatGPT conversation',
      model,
      createdAt: ms(c.create_time),
      updatedAt: c.update_time ? ms(c.update_time) : lastTime,
      currentId: current === null ? null : nodeId(sourceId, current),
      messages,
    }),
  }
}

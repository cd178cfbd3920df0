// What the reply to a request will be, decided once and then sent whole or as a
// stream: thinking (reasoning models), answer tokens, citations, tool calls.
// Every choice depends only on the request, so both forms agree and runs repeat.
import type { SimConfig } from '../../config'
import { findModel } from '../../model-catalog'
import { isObject } from '../../request-rules'
import { demoAnswer, demoTitle, isTitleRequest, subjectOf } from './demo-answers'
import { contentText, estimateTokens, hash32, parseDirective, replyTokens } from './reply-text'
import type { ChatRequest } from './rules'
import { sampleFromSchema } from './schema-sample'
import { answerFromResults, latestToolResults, plannedToolCalls, sourcesIn, type ToolCallOut } from './tool-replies'

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export interface ReplyPlan {
  /** Tokens of the reasoning, sent as `thinking` chunks before the answer. */
  thinking: string[]
  /** Answer tokens, one per streamed chunk. */
  tokens: string[]
  /** After answer token i (its index), a `reference` chunk with these ids. */
  references: ReadonlyMap<number, (number | string)[]>
  toolCalls: ToolCallOut[]
  /** `[sim chunk=TYPE]`: a chunk of a type the spec lacks, sent before the answer. */
  unknownChunk?: string
  finishReason: 'stop' | 'length' | 'tool_calls'
  usage: Usage
  /** Tokens per second; 0 means as fast as possible. */
  rate: number
}

export function planReply(request: ChatRequest, settings: SimConfig): ReplyPlan {
  const { messages } = request
  const lastUser = [...messages].reverse().find((m) => m.role === 'user')
  const lastUserText = contentText(lastUser?.content)
  const directive = parseDirective(lastUserText)
  const cap = typeof request.max_tokens === 'number' ? request.max_tokens : Infinity
  const last = messages[messages.length - 1]
  const prefix = last?.role === 'assistant' && last.prefix === true ? contentText(last.content) : undefined
  // Seeded by the conversation (and random_seed) only, so streaming and non-streaming agree.
  const seed = JSON.stringify([request.random_seed ?? null, messages.map((m) => [m.role, contentText(m.content)])])
  const promptTokens = Math.max(1, estimateTokens(messages.map((m) => contentText(m.content)).join('')))
  const rate = directive.rate ?? settings.tokensPerSecond

  const toolCalls = directive.reply === undefined ? plannedToolCalls(request, lastUserText, seed) : []
  if (toolCalls.length > 0) {
    const completion = Math.max(1, estimateTokens(toolCalls.map((c) => c.function.name + c.function.arguments).join('')))
    return {
      thinking: [],
      tokens: [],
      references: new Map(),
      toolCalls,
      finishReason: 'tool_calls',
      usage: { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion },
      rate,
    }
  }

  const { text, references } = answerText(request, settings, { lastUserText, seed, prefix, directive })
  const thinking = reasons(request) && directive.reply === undefined ? splitWords(thinkingText(lastUserText)) : []
  const planned = [...thinking, ...text]
  const kept = planned.slice(0, cap)
  const tokens = kept.slice(thinking.length)
  return {
    thinking: kept.slice(0, thinking.length),
    tokens,
    references,
    toolCalls: [],
    ...(directive.chunk ? { unknownChunk: directive.chunk } : {}),
    finishReason: cap < planned.length ? 'length' : 'stop',
    usage: { prompt_tokens: promptTokens, completion_tokens: kept.length, total_tokens: promptTokens + kept.length },
    rate,
  }
}

interface AnswerInput {
  lastUserText: string
  seed: string
  prefix: string | undefined
  directive: ReturnType<typeof parseDirective>
}

function answerText(
  request: ChatRequest,
  settings: SimConfig,
  input: AnswerInput,
): { text: string[]; references: Map<number, (number | string)[]> } {
  const { lastUserText, seed, prefix, directive } = input
  const none = new Map<number, (number | string)[]>()
  const words = (text: string) => ({ text: withPrefix(splitWords(text), prefix), references: none })
  if (directive.reply !== undefined || directive.tokens !== undefined || settings.replyStyle === 'echo') {
    const tokens = directive.tokens ?? settings.replyTokens
    return { text: replyTokens({ lastUserText, seed, tokens, prefix, reply: directive.reply }), references: none }
  }
  const results = latestToolResults(request)
  if (results.length > 0) {
    const sources = results.flatMap((r) => sourcesIn(r.content))
    return sources.length > 0 ? citedAnswer(sources, prefix) : words(answerFromResults(results))
  }
  const format = request.response_format
  if (isObject(format) && (format.type === 'json_object' || format.type === 'json_schema')) {
    const schema = isObject(format.json_schema) ? format.json_schema.schema : undefined
    const value = schema ? sampleFromSchema(schema, subjectOf(lastUserText)) : { answer: subjectOf(lastUserText) }
    return words(JSON.stringify(value, null, 2))
  }
  const texts = request.messages.map((m) => contentText(m.content))
  if (isTitleRequest(texts)) return words(demoTitle(texts.at(-1) ?? ''))
  return words(demoAnswer(lastUserText, hash32(seed)))
}

/** One sentence per source, each followed by a reference chunk citing it. */
function citedAnswer(sources: readonly { id: number | string; title: string }[], prefix: string | undefined) {
  const text: string[] = withPrefix(splitWords('According to the sources you provided:\n\n'), prefix)
  const references = new Map<number, (number | string)[]>()
  for (const source of sources) {
    text.push(...splitWords(`- ${source.title} covers this topic`))
    references.set(text.length - 1, [source.id])
    text.push('.\n')
  }
  return { text, references }
}

function withPrefix(tokens: string[], prefix: string | undefined): string[] {
  return prefix ? [prefix, ...tokens] : tokens
}

/** One word with the whitespace around it per token, so joining the tokens gives the text back. */
function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? []
}

/** Magistral and other reasoning models think first, unless the prompt mode is turned off. */
function reasons(request: ChatRequest): boolean {
  const card = findModel(request.model)
  return card?.capabilities.reasoning === true && request.prompt_mode !== null
}

function thinkingText(prompt: string): string {
  const subject = subjectOf(prompt)
  return (
    `The user asks about "${subject}". I should work out what they really need, ` +
    'check the key facts, and then answer clearly with a short structure.'
  )
}

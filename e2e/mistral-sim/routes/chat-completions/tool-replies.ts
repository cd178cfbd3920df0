// Function calling as the service does it: which tools the model calls for a
// request (tool_choice, parallel_tool_calls, the prompt), with arguments drawn
// from each tool's parameter schema, and the answer once the results are back.
import { isObject } from '../../request-rules'
import { hash32 } from './reply-text'
import { sampleFromSchema } from './schema-sample'
import type { ChatRequest } from './rules'

export interface ToolCallOut {
  /** Nine alphanumerics, like the service's (clients must send them back verbatim). */
  id: string
  type: 'function'
  function: { name: string; arguments: string }
  index: number
}

interface FunctionTool {
  name: string
  description: string
  parameters: unknown
}

function functionTools(request: ChatRequest): FunctionTool[] {
  if (!Array.isArray(request.tools)) return []
  return request.tools.flatMap((tool: unknown) => {
    if (!isObject(tool) || (tool.type !== undefined && tool.type !== 'function') || !isObject(tool.function)) return []
    const fn = tool.function
    if (typeof fn.name !== 'string') return []
    return [{ name: fn.name, description: typeof fn.description === 'string' ? fn.description : '', parameters: fn.parameters }]
  })
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A deterministic 9-character id per conversation and call. */
function callId(seed: string, index: number): string {
  let h = hash32(`${seed}#${index}`)
  let id = ''
  for (let i = 0; i < 9; i++) {
    id += ALNUM[h % ALNUM.length]
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0
  }
  return id
}

/** A tool the prompt names (as `get_weather`, "get weather" or "get-weather"). */
function mentioned(tool: FunctionTool, prompt: string): boolean {
  const words = tool.name.toLowerCase().split(/[_-]+/).filter(Boolean)
  const flat = prompt.toLowerCase()
  return flat.includes(tool.name.toLowerCase()) || (words.length > 1 && flat.includes(words.join(' ')))
}

/**
 * The calls the model makes now; empty when it answers in text. It calls only
 * when the conversation ends with the user (after tool results it answers).
 */
export function plannedToolCalls(request: ChatRequest, prompt: string, seed: string): ToolCallOut[] {
  const tools = functionTools(request)
  const last = request.messages.at(-1)
  if (tools.length === 0 || last?.role !== 'user') return []
  const choice = request.tool_choice
  if (choice === 'none') return []
  let chosen: FunctionTool[]
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === 'string') {
    const name = choice.function.name
    chosen = tools.filter((t) => t.name === name)
  } else {
    const asked = tools.filter((t) => mentioned(t, prompt))
    const forced = choice === 'any' || choice === 'required'
    chosen = asked.length > 0 ? asked : forced ? tools.slice(0, 1) : []
  }
  if (request.parallel_tool_calls === false) chosen = chosen.slice(0, 1)
  return chosen.map((tool, index) => ({
    id: callId(seed, index),
    type: 'function',
    function: { name: tool.name, arguments: JSON.stringify(sampleFromSchema(tool.parameters, prompt)) },
    index,
  }))
}

export interface ToolResult {
  name: string
  content: string
}

/** The tool messages since the last assistant message that called tools, with the called function's name. */
export function latestToolResults(request: ChatRequest): ToolResult[] {
  const { messages } = request
  if (messages.at(-1)?.role !== 'tool') return []
  let start = messages.length
  while (start > 0 && messages[start - 1]?.role === 'tool') start -= 1
  const caller = messages[start - 1]
  const names = new Map<string, string>()
  if (caller && Array.isArray(caller.tool_calls)) {
    for (const call of caller.tool_calls as unknown[]) {
      if (isObject(call) && typeof call.id === 'string' && isObject(call.function) && typeof call.function.name === 'string') {
        names.set(call.id, call.function.name)
      }
    }
  }
  return messages.slice(start).map((m) => ({
    name: (typeof m.name === 'string' ? m.name : undefined) ?? names.get(String(m.tool_call_id)) ?? 'the tool',
    content: toolText(m.content),
  }))
}

function toolText(content: unknown): string {
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    return content.map((c: unknown) => (isObject(c) && typeof c.text === 'string' ? c.text : '')).join('')
  }
  return ''
}

export interface Source {
  id: number | string
  title: string
}

/**
 * Mistral's citation convention: a tool returns a JSON object of sources keyed by
 * reference id, each with a url, title or snippet; the answer then cites them by id.
 */
export function sourcesIn(result: string): Source[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(result)
  } catch {
    return []
  }
  if (!isObject(parsed)) return []
  const sources: Source[] = []
  for (const [key, value] of Object.entries(parsed)) {
    if (!isObject(value) || !('url' in value || 'title' in value || 'snippet' in value)) return []
    const id = /^\d+$/.test(key) ? Number(key) : key
    sources.push({ id, title: typeof value.title === 'string' ? value.title : String(value.url ?? key) })
  }
  return sources
}

const EXCERPT = 160

/** The answer after tool results: what each tool returned, in a sentence. */
export function answerFromResults(results: readonly ToolResult[]): string {
  const lines = results.map((r) => {
    const flat = r.content.replace(/\s+/g, ' ').trim()
    const excerpt = flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat
    return `- **${r.name}** returned: ${excerpt || '(no output)'}`
  })
  return `Here is what I found.\n\n${lines.join('\n')}\n\nLet me know if you want me to dig further.`
}

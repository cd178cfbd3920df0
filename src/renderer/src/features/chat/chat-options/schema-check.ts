/**
 * Checks a JSON schema as the user types it: JSON at once, here; whether it compiles in
 * main (chat.checkSchema), because ajv generates code and the renderer's CSP forbids that.
 */
import { useEffect, useState } from 'react'
import { call } from '../../../api'

function jsonProblem(text: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return `Not valid JSON: ${(err as Error).message}`
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'A schema is a JSON object.'
}

/** The problem with each schema text, or null; the compile check follows a short pause in typing. */
export function useSchemaProblems(texts: readonly string[]): (string | null)[] {
  const key = JSON.stringify(texts)
  const [checked, setChecked] = useState<Record<string, string | null>>({})
  useEffect(() => {
    const pending = (JSON.parse(key) as string[]).filter((t) => !jsonProblem(t))
    if (pending.length === 0) return
    let current = true
    const timer = setTimeout(() => {
      for (const text of pending) {
        call('chat.checkSchema', { schema: text }).then(
          ({ problem }) => current && setChecked((c) => ({ ...c, [text]: problem ? `The schema ${problem}` : null })),
          () => undefined,
        )
      }
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key])
  return texts.map((text) => {
    const local = jsonProblem(text)
    if (local) return local
    // Until main has answered for this text, it is not known to be valid.
    return text in checked ? (checked[text] ?? null) : 'Checking the schema…'
  })
}

export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/

/** Ready-made response schemas to start from. */
export const SCHEMA_EXAMPLES: readonly { label: string; name: string; schema: object }[] = [
  {
    label: 'Book',
    name: 'book',
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, authors: { type: 'array', items: { type: 'string' } } },
      required: ['name', 'authors'],
      additionalProperties: false,
    },
  },
  {
    label: 'Sentiment',
    name: 'sentiment',
    schema: {
      type: 'object',
      properties: { label: { type: 'string', enum: ['positive', 'neutral', 'negative'] }, score: { type: 'number' } },
      required: ['label', 'score'],
      additionalProperties: false,
    },
  },
  {
    label: 'Contact',
    name: 'contact',
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, phone: { type: 'string' } },
      required: ['name', 'email'],
      additionalProperties: false,
    },
  },
]

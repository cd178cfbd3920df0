/**
 * The search box's little language: words (AND), "exact phrases", word* prefixes and
 * -exclusions (-word, -"phrase"). The last plain word is a prefix too, so results follow
 * typing. Everything else is text: the parser never produces an FTS5 syntax error.
 */
import { hasUnspacedScript } from './scripts'

export interface QueryTerm {
  text: string
  /** Matches words starting with text. */
  prefix: boolean
  /** Written in quotes: the words in this order. */
  phrase: boolean
  negated: boolean
}

export interface ParsedQuery {
  include: QueryTerm[]
  exclude: QueryTerm[]
  /** Some term is in a script without spaces: search by substring (trigram) instead of by word. */
  substring: boolean
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu
const hasWordChar = (t: string) => /[\p{L}\p{N}]/u.test(t)

export function parseQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = []
  for (const match of query.matchAll(TOKEN)) {
    const [, dash, quoted, bare = ''] = match
    if (quoted !== undefined) {
      if (hasWordChar(quoted)) terms.push({ text: quoted.trim(), prefix: false, phrase: true, negated: dash === '-' })
      continue
    }
    const negated = bare.length > 1 && bare.startsWith('-')
    const body = negated ? bare.slice(1) : bare
    const prefix = body.length > 1 && body.endsWith('*')
    const text = prefix ? body.slice(0, -1) : body
    if (hasWordChar(text)) terms.push({ text, prefix, phrase: false, negated })
  }
  const include = terms.filter((t) => !t.negated)
  const last = include.at(-1)
  if (last && !last.phrase) last.prefix = true
  return { include, exclude: terms.filter((t) => t.negated), substring: terms.some((t) => hasUnspacedScript(t.text)) }
}

const quote = (t: QueryTerm) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`

/**
 * The word query as FTS5 syntax: included terms ANDed, each exclusion NOT-ed. Null when
 * nothing is included (FTS5 cannot search for "everything but").
 */
export function toFtsQuery(parsed: ParsedQuery): string | null {
  if (parsed.include.length === 0) return null
  return [parsed.include.map(quote).join(' '), ...parsed.exclude.map((t) => `NOT ${quote({ ...t, prefix: false })}`)].join(' ')
}

/**
 * The substring query for the trigram index: terms of three characters or more go to
 * MATCH (which uses the index); all terms are also checked with LIKE, which is the only
 * way to find one or two characters (a common Chinese word length).
 */
export function toTrigramQuery(parsed: ParsedQuery): { match: string | null; like: string[]; notLike: string[] } | null {
  if (parsed.include.length === 0) return null
  const long = parsed.include.filter((t) => [...t.text].length >= 3)
  return {
    match: long.length > 0 ? long.map((t) => `"${t.text.replace(/"/g, '""')}"`).join(' ') : null,
    like: parsed.include.map((t) => likePattern(t.text)),
    notLike: parsed.exclude.map((t) => likePattern(t.text)),
  }
}

/** %text% with LIKE's wildcards escaped (ESCAPE '\'). */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

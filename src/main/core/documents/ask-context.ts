/**
 * "Ask about this document": the document's markdown, page by page and marked with
 * its page numbers, as the system prompt of a new chat (chat.send's settings), so the
 * model can cite "p. 3". The system prompt has a size limit; a document over it is
 * narrowed to the pages the user picks.
 */
import type { DocumentPage } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import { pageMarkdown } from './document-export'

/** chat.send's limit on a system prompt (contract/conversations.ts). */
export const MAX_SYSTEM_PROMPT_CHARS = 100_000

export interface AskContext {
  systemPrompt: string
  /** Page numbers from 1 that the prompt holds. */
  pages: number[]
  /** True when every selected page fit; false means pick fewer pages. */
  fits: boolean
  /** A rough count (4 characters a token), to compare with the model's window. */
  estimatedTokens: number
}

export function askContext(name: string, pages: readonly DocumentPage[]): AskContext {
  const intro =
    `You answer questions about the document "${name}", whose OCR text follows, page by page. ` +
    'Base every answer on it, and cite the page each fact comes from as (p. N). ' +
    'If the answer is not in the document, say so.\n\n'
  let prompt = intro
  const included: number[] = []
  let fits = true
  for (const page of pages) {
    const section = `<page number="${page.index + 1}">\n${pageMarkdown(page)}\n</page>\n`
    if (prompt.length + section.length > MAX_SYSTEM_PROMPT_CHARS) {
      fits = false
      break
    }
    prompt += section
    included.push(page.index + 1)
  }
  if (included.length === 0) {
    throw new AppErrorException(appError('too_large', `Page ${(pages[0]?.index ?? 0) + 1} of "${name}" alone is too long to ask about. Pick another page.`))
  }
  return { systemPrompt: prompt, pages: included, fits, estimatedTokens: Math.ceil(prompt.length / 4) }
}

/**
 * A quick token estimate for the context meter and for trimming history, shared so the
 * window's warning and main's trimming agree. Mistral's tokenizers average about four
 * characters of English per token; this errs high on purpose, so a warning comes early
 * rather than the API's 400 late.
 */
const CHARS_PER_TOKEN = 3.5
/** Role markers and separators the chat template adds around each message. */
const TOKENS_PER_MESSAGE = 4

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN)
}

export function estimateMessagesTokens(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, m) => sum + TOKENS_PER_MESSAGE + estimateTokens(m.content), 0)
}

/**
 * "Ask about this document": a new chat whose system prompt holds the document's pages
 * (documents.askContext), started through chat.send as any chat is.
 */
import { useState } from 'react'
import type { DocumentDetail } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { navigate } from '../../shell/navigation'
import { conversationPath } from '../chat/chat-paths'

const ASK_MODEL = 'mistral-small-latest'

export function AskAboutDocument({ doc }: { doc: DocumentDetail }) {
  const [question, setQuestion] = useState('')
  const [pages, setPages] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const ask = async () => {
    setError(null)
    try {
      const picked = pages.trim() === '' ? undefined : pages.split(',').map((p) => Number(p.trim())).filter((n) => n > 0)
      const context = await call('documents.askContext', { id: doc.id, ...(picked ? { pages: picked } : {}) })
      if (!context.fits) setNote(`Only pages ${context.pages[0]}–${context.pages.at(-1)} fit; pick the pages to ask about.`)
      const started = await call('chat.send', {
        model: ASK_MODEL,
        content: question,
        settings: { systemPrompt: context.systemPrompt, params: {} },
      })
      navigate(conversationPath(started.conversationId))
    } catch (err) {
      setError(toAppError(err))
    }
  }
  return (
    <form
      className="documents-ask"
      aria-label="Ask about this document"
      onSubmit={(e) => {
        e.preventDefault()
        if (question.trim()) void ask()
      }}
    >
      <input aria-label="Question about the document" value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Ask a question…" />
      <input aria-label="Pages to ask about" value={pages} onChange={(e) => setPages(e.target.value)} placeholder="Pages (all)" />
      <button type="submit" disabled={!question.trim()}>
        Ask about this document
      </button>
      {note ? <p className="documents__note">{note}</p> : null}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </form>
  )
}

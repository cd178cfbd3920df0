/**
 * Citations and chunks this app does not know. Citations are numbered in the order the
 * reply cites them and link to their sources (through the allow-listed opener); an
 * unknown chunk says what it was instead of vanishing or crashing the reply.
 */
import type { CitationSource, MessagePart } from '../../../../../shared/domain'
import { openExternalLink } from '../markdown/open-link'

export function Citations({ parts, sources }: { parts: readonly MessagePart[]; sources: readonly CitationSource[] }) {
  const cited: (number | string)[] = []
  for (const part of parts) if (part.type === 'reference') for (const id of part.ids) if (!cited.includes(id)) cited.push(id)
  if (cited.length === 0) return null
  return (
    <section className="reply-citations" aria-label="Sources">
      <h4 className="reply-citations__title">Sources</h4>
      <ol>
        {cited.map((id) => {
          const source = sources.find((s) => s.id === id)
          const title = source?.title ?? `Reference ${String(id)}`
          return (
            <li key={String(id)}>
              {source?.url ? (
                <a
                  href={source.url}
                  onClick={(e) => {
                    e.preventDefault()
                    void openExternalLink(source.url ?? '')
                  }}
                >
                  {title}
                </a>
              ) : (
                <span>{title}</span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

export function UnsupportedNotes({ parts }: { parts: readonly MessagePart[] }) {
  const types = parts.flatMap((p) => (p.type === 'unsupported' ? [p.chunkType] : []))
  if (types.length === 0) return null
  return (
    <ul className="reply-unsupported">
      {types.map((type, i) => (
        <li key={i} role="note">
          Unsupported content: {type}
        </li>
      ))}
    </ul>
  )
}

/**
 * A structured-output reply: the schema check's verdict, the JSON pretty-printed in a
 * collapsible tree (native <details>, keyboard-operable), the failing paths listed,
 * and "Copy JSON".
 */
import type { StructuredCheck } from '../../../../../shared/domain'
import { copyText } from '../../../components/copy-text'

export function StructuredView({ text, check }: { text: string; check: StructuredCheck }) {
  let value: unknown
  let parsed = true
  try {
    value = JSON.parse(text)
  } catch {
    parsed = false
  }
  const failing = new Set(check.errors.map((e) => e.path))
  return (
    <section className={`reply-json reply-json--${check.valid ? 'valid' : 'invalid'}`} aria-label="Structured output">
      <p role="status">{check.valid ? 'Valid JSON for the schema' : 'Does not match the schema'}</p>
      {check.errors.length > 0 ? (
        <ul className="reply-json__errors" aria-label="Schema errors">
          {check.errors.map((e, i) => (
            <li key={i}>
              <code>{e.path || '(root)'}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {parsed ? <JsonNode name="(root)" value={value} path="" failing={failing} /> : null}
      <button type="button" className="button--quiet" onClick={() => void copyText(parsed ? JSON.stringify(value, null, 2) : text)}>
        Copy JSON
      </button>
    </section>
  )
}

function JsonNode({ name, value, path, failing }: { name: string; value: unknown; path: string; failing: Set<string> }) {
  const bad = failing.has(path)
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>)
    return (
      <details open className={bad ? 'reply-json__node reply-json__node--bad' : 'reply-json__node'}>
        <summary>
          {name} {Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}
        </summary>
        {entries.map(([key, child]) => (
          <JsonNode key={key} name={key} value={child} path={`${path}/${key}`} failing={failing} />
        ))}
      </details>
    )
  }
  return (
    <div className={bad ? 'reply-json__leaf reply-json__leaf--bad' : 'reply-json__leaf'}>
      <span className="reply-json__key">{name}:</span> <code>{JSON.stringify(value)}</code>
    </div>
  )
}

/**
 * A reasoning model's thinking: open while it streams and the answer has not started,
 * collapsed once it has (the user may open or close it at any time). Plain text, never
 * markdown or HTML: it is the model's scratchpad.
 */
import { useId, useState } from 'react'

export function ThinkingSection({ text, answering, streaming }: { text: string; answering: boolean; streaming: boolean }) {
  const [chosen, setChosen] = useState<boolean | null>(null)
  const regionId = useId()
  const open = chosen ?? (streaming && !answering)
  return (
    <section className="reply-thinking">
      <button
        type="button"
        className="reply-thinking__toggle button--quiet"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setChosen(!open)}
      >
        Thinking{streaming && !answering ? '…' : ''}
      </button>
      <div id={regionId} role="region" aria-label="Thinking" className="reply-thinking__text" hidden={!open}>
        {text}
      </div>
    </section>
  )
}

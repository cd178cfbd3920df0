/**
 * An assistant message as markdown. Finished blocks are memoized by their text, so while a
 * reply streams only the last block is parsed and re-rendered each frame. Links and Copy
 * buttons live inside sanitized HTML strings, so their clicks are handled here by delegation.
 */
import { memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import 'katex/dist/katex.min.css'
import { createBlockSplitter } from './blocks'
import { copyText } from '../../../components/copy-text'
import { COPY_BUTTON_CLASS } from './code-block'
import { openExternalLink } from './open-link'
import { renderBlock, renderBlockCached } from './render-block'
import { safeHref } from './urls'
import './highlight.css'
import './markdown.css'

/** How long a Copy button says "Copied". */
const COPIED_MS = 1500

export default function MarkdownBody({ text }: { text: string }) {
  const [split] = useState(createBlockSplitter)
  const blocks = useMemo(() => split(text), [split, text])
  const copyTimers = useRef(new Map<HTMLButtonElement, ReturnType<typeof setTimeout>>())

  useEffect(() => {
    const timers = copyTimers.current
    return () => timers.forEach((timer) => clearTimeout(timer))
  }, [])

  const showCopyResult = (button: HTMLButtonElement, copied: boolean) => {
    const status = button.querySelector('.md-code__copy-status')
    if (status) status.textContent = copied ? 'Copied' : 'Copy failed'
    button.classList.add('is-done')
    clearTimeout(copyTimers.current.get(button))
    copyTimers.current.set(
      button,
      setTimeout(() => {
        button.classList.remove('is-done')
        copyTimers.current.delete(button)
      }, COPIED_MS),
    )
  }

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!(e.target instanceof Element)) return
    const button = e.target.closest<HTMLButtonElement>(`button.${COPY_BUTTON_CLASS}`)
    if (button && e.currentTarget.contains(button)) {
      const code = button.closest('.md-code')?.querySelector('pre code')?.textContent ?? ''
      void copyText(code).then((copied) => showCopyResult(button, copied))
      return
    }
    followLink(e)
  }

  return (
    <div className="message__body md" onClick={onClick} onAuxClick={onAuxClick}>
      {blocks.stable.map((raw, i) => (
        <Block key={i} raw={raw} defs={blocks.defs} finished />
      ))}
      {/* Same key as it will have once finished, so it is not remounted (nor re-parsed) then. */}
      {blocks.tail ? <Block key={blocks.stable.length} raw={blocks.tail} defs={blocks.defs} finished={false} /> : null}
    </div>
  )
}

/** A middle click would otherwise open the link in a tab of the app itself; a right click keeps its menu. */
function onAuxClick(e: MouseEvent<HTMLDivElement>) {
  if (e.button === 1) followLink(e)
}

function followLink(e: MouseEvent<HTMLDivElement>) {
  if (!(e.target instanceof Element)) return
  const anchor = e.target.closest('a')
  if (!anchor || !e.currentTarget.contains(anchor)) return
  // Never navigate the app window, whatever the link; only http(s) links open, outside.
  e.preventDefault()
  const url = safeHref(anchor.getAttribute('href') ?? '')
  if (url) void openExternalLink(url)
}

interface BlockProps {
  raw: string
  defs: string
  /** Finished blocks go through the shared cache; the growing tail does not. */
  finished: boolean
}

/** Re-renders only when its text changes; a tail that becomes finished with the same text keeps its DOM. */
const Block = memo(
  function Block({ raw, defs, finished }: BlockProps) {
    const html = finished ? renderBlockCached(raw, defs) : renderBlock(raw, defs)
    return <div className="md-block" dangerouslySetInnerHTML={{ __html: html }} />
  },
  (before, after) => before.raw === after.raw && before.defs === after.defs,
)

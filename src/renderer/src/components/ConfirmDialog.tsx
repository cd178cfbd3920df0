/**
 * The one way to ask "are you sure?": a modal <dialog> whose focus starts on the safe
 * choice (so Enter never destroys by accident) and which Esc always cancels. A blocking
 * window.confirm() would be dismissed by automation and cannot be styled or named.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import './dialog.css'

interface Props {
  open: boolean
  title: string
  /** One or two sentences: what happens, and whether it can be undone. */
  children?: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** Paints the confirm button red: it deletes or removes something. */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
  onConfirm,
  onCancel,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const safe = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()

  // Closed before the caller's handler runs, so the focus the caller moves is not undone
  // by the browser handing focus back to where it was when the dialog opened.
  const closeThen = (handler: () => void) => () => {
    const el = dialog.current
    if (el?.open) {
      if (typeof el.close === 'function') el.close()
      else el.removeAttribute('open')
    }
    handler()
  }
  const cancel = closeThen(onCancel)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      // showModal exists in every Chromium; jsdom lacks it, where `open` is enough for tests.
      if (typeof el.showModal === 'function') el.showModal()
      else el.setAttribute('open', '')
      safe.current?.focus()
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close()
      else el.removeAttribute('open')
    }
  }, [open])

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onKeyDown={(e) => {
        // Handled here, and marked so the window's Esc (which stops a reply) stands down.
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        cancel()
      }}
      // The browser's own cancel (e.g. a close request from the OS): keep React in charge.
      onCancel={(e) => {
        e.preventDefault()
        cancel()
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children ? (
            <div id={bodyId} className="dialog__body">
              {children}
            </div>
          ) : null}
          <div className="dialog__actions">
            <button ref={safe} type="button" onClick={cancel}>
              {cancelLabel}
            </button>
            <button type="button" className={danger ? 'button--danger' : 'button--primary'} onClick={closeThen(onConfirm)}>
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  )
}

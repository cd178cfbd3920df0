/**
 * Finds a control inside a message by its data-action, for putting focus back after the
 * message re-rendered or was replaced by another version (its element is then new).
 */
import { focusWhenReady } from '../../../components/focus'

function messageElement(messageId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`)
}

/** Focuses the first of `actions` that is present and enabled in the message. */
export function focusInMessage(messageId: string, ...actions: string[]): void {
  focusWhenReady(() => {
    const root = messageElement(messageId)
    for (const action of actions) {
      const control = root?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
      if (control && !control.disabled) return control
    }
    return null
  })
}

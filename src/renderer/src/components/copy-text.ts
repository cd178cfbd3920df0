/**
 * Copies text to the clipboard, for every Copy button. The async Clipboard API needs a
 * focused, secure page; where it is missing or refuses (an old Electron, a page that lost
 * focus) a hidden textarea and execCommand('copy') still work from a click.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (permission, document not focused): try the legacy path.
  }
  return copyWithTextarea(text)
}

function copyWithTextarea(text: string): boolean {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-9999px', opacity: '0' })
  document.body.append(area)
  area.select()
  let copied = false
  try {
    // Deprecated, but the only fallback there is; it runs only when the Clipboard API refused.
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  focused?.focus()
  return copied
}

/**
 * Copies text to the clipboard. The async Clipboard API needs a focused, secure page;
 * when it refuses (an old Electron, a page that lost focus) a hidden textarea and
 * execCommand('copy') still work from a click.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return legacyCopy(text)
  }
}

function legacyCopy(text: string): boolean {
  const active = document.activeElement as HTMLElement | null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  let ok = false
  try {
    // Deprecated, but the only fallback there is; it runs only when the Clipboard API refused.
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  area.remove()
  active?.focus()
  return ok
}

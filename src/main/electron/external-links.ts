/**
 * Links the renderer may open in the user's browser. Everything else is dropped: a
 * compromised page must not be able to launch arbitrary URLs or schemes (file:, smb:, ...).
 */
import { shell } from 'electron'

const ALLOWED_HOSTS = ['mistral.ai', 'docs.mistral.ai', 'console.mistral.ai', 'help.mistral.ai', 'github.com']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && ALLOWED_HOSTS.includes(url.hostname)
}

/**
 * A link the user clicked in a message (links.open). Any web host is fine here, since
 * the user chose it; the scheme is still checked so a reply cannot launch file: or smb:.
 */
export async function openUserLink(raw: string): Promise<boolean> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:'
  if (!web || url.username !== '' || url.password !== '') return false
  await shell.openExternal(url.toString())
  return true
}

/** Opens an allow-listed link; returns whether it was opened. */
export function openExternalIfAllowed(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false
  void shell.openExternal(raw)
  return true
}

/**
 * Opens a link from a message outside the app. The host decides (Electron: https only, via
 * shell.openExternal); where it cannot open links at all (the browser host answers
 * opened:false), a new tab does.
 */
import { call } from '../../../api'

export async function openExternalLink(url: string): Promise<void> {
  let opened: boolean
  try {
    opened = (await call('links.open', { url })).opened
  } catch {
    // The host refused this link (e.g. plain http): a new tab must not get around that.
    return
  }
  if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
}

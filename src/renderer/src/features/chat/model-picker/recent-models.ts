/** The last few models the user picked, newest first, kept on this computer. */
const KEY = 'mdesk.recentModels'
const KEEP = 3

export function recentModels(): string[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, KEEP) : []
  } catch {
    return []
  }
}

export function rememberRecent(id: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify([id, ...recentModels().filter((r) => r !== id)].slice(0, KEEP)))
  } catch {
    // A convenience, not worth an error.
  }
}

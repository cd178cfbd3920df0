/**
 * Hash routes: `#/chat/<id>?message=<mid>`. The fragment works unchanged under Electron's
 * app:// protocol and in the browser host, and moving between routes never loads a page,
 * so neither host's navigation guard is involved. Only fragments that start with `#/` are
 * routes: anything else in the fragment (a token, say) is left alone and shows the start
 * screen, and the router rewrites the fragment only when the user goes somewhere.
 */

export interface RouteLocation {
  /** Always starts with '/', no trailing '/': '/chat/abc'. */
  path: string
  query: Readonly<Record<string, string>>
}

/** The part of a route table the router needs: `path` is literal segments and `:params`. */
export interface RoutePattern {
  id: string
  path: string
}

export interface RouteMatch<R extends RoutePattern = RoutePattern> {
  route: R
  params: Readonly<Record<string, string>>
  query: Readonly<Record<string, string>>
}

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '')

/** The route in a fragment, or null when the fragment is not one of ours. */
export function parseHash(hash: string): RouteLocation | null {
  if (!hash.startsWith('#/')) return null
  const body = hash.slice(1)
  const at = body.indexOf('?')
  const rawPath = at < 0 ? body : body.slice(0, at)
  const query = Object.fromEntries(new URLSearchParams(at < 0 ? '' : body.slice(at + 1)))
  let segments: string[]
  try {
    segments = segmentsOf(rawPath).map(decodeURIComponent)
  } catch {
    // A hand-typed '%' that is not an escape: not a route we could have written.
    return null
  }
  return { path: `/${segments.map(encodeURIComponent).join('/')}`, query }
}

/** '/chat/:conversationId' with { conversationId: 'a b' } → '/chat/a%20b', plus a query if given. */
export function buildPath(pattern: string, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const segments = segmentsOf(pattern).map((s) => {
    if (!s.startsWith(':')) return s
    const value = params[s.slice(1)]
    if (value === undefined || value === '') throw new Error(`buildPath: ${pattern} needs ${s}`)
    return encodeURIComponent(value)
  })
  const search = new URLSearchParams(query).toString()
  return `/${segments.join('/')}${search ? `?${search}` : ''}`
}

/** The first route whose pattern fits the location, with its params decoded. */
export function matchRoute<R extends RoutePattern>(routes: readonly R[], location: RouteLocation): RouteMatch<R> | null {
  const actual = segmentsOf(location.path)
  for (const route of routes) {
    const wanted = segmentsOf(route.path)
    if (wanted.length !== actual.length) continue
    const params: Record<string, string> = {}
    const fits = wanted.every((w, i) => {
      const a = actual[i] as string
      if (w.startsWith(':')) {
        params[w.slice(1)] = decodeURIComponent(a)
        return true
      }
      return w === a
    })
    if (fits) return { route, params, query: location.query }
  }
  return null
}

/** What the router needs of `window`, so tests can hand in a fake. */
export interface HistoryHost {
  location: { readonly hash: string }
  history: Pick<History, 'pushState' | 'replaceState' | 'back' | 'forward' | 'state'>
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void
}

export interface Router {
  /** Where the window is, or null when its fragment is not a route (the start screen shows). */
  current(): RouteLocation | null
  /** Where the window was before the last move, if it moved since start. */
  previous(): RouteLocation | null
  /** Goes to `path` ('/chat/abc?message=m'); a new history entry unless `replace`. Same place: nothing happens. */
  navigate(path: string, options?: { replace?: boolean }): void
  back(): void
  forward(): void
  /** What a screen kept with the current history entry; it comes back with Back, Forward and reload. */
  entryData(key: string): unknown
  /** Keeps `value` with the current history entry, without moving. It must survive structured cloning. */
  setEntryData(key: string, value: unknown): void
  /** Called after every move: navigate, back/forward, or an edited address. */
  subscribe(listener: () => void): () => void
  stop(): void
}

const entryRecord = (state: unknown): Record<string, unknown> =>
  typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {}

export function createHashRouter(host: HistoryHost): Router {
  const listeners = new Set<() => void>()
  // Parsed once per fragment, so React's useSyncExternalStore sees a stable snapshot.
  let hash = host.location.hash
  let location = parseHash(hash)
  let before: RouteLocation | null = null

  const moved = () => {
    if (host.location.hash === hash) return
    before = location
    hash = host.location.hash
    location = parseHash(hash)
    for (const listener of [...listeners]) listener()
  }
  // Back/forward fire popstate; an address edited by hand fires hashchange (and popstate in
  // most browsers): `moved` ignores the second of the two.
  host.addEventListener('popstate', moved)
  host.addEventListener('hashchange', moved)

  return {
    current: () => location,
    previous: () => before,
    navigate(path, options = {}) {
      const next = `#${path}`
      if (next === host.location.hash) return
      // pushState keeps history.state as the token stripping left it and fires no event: tell listeners here.
      if (options.replace) host.history.replaceState(host.history.state, '', next)
      else host.history.pushState(null, '', next)
      moved()
    },
    back: () => host.history.back(),
    forward: () => host.history.forward(),
    entryData: (key) => entryRecord(host.history.state)[key],
    setEntryData(key, value) {
      // Merged into what is there: the state may hold others' data too.
      host.history.replaceState({ ...entryRecord(host.history.state), [key]: value }, '')
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    stop() {
      host.removeEventListener('popstate', moved)
      host.removeEventListener('hashchange', moved)
      listeners.clear()
    },
  }
}

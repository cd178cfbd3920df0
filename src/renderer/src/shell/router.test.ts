import { describe, expect, it } from 'vitest'
import { buildPath, createHashRouter, matchRoute, parseHash, type HistoryHost } from './router'

/** A window's history in memory: entries of fragments, with popstate on back and forward. */
function memoryHost(initial = '') {
  const entries = [initial]
  let at = 0
  const listeners = new Map<string, Set<() => void>>()
  const fire = (type: string) => listeners.get(type)?.forEach((l) => l())
  const states: unknown[] = [null]
  // A relative URL of only a fragment replaces the fragment; no URL keeps the entry's.
  const setTo = (url: string | URL | null | undefined) => (url ? String(url).replace(/^[^#]*/, '') : (entries[at] ?? ''))
  const host: HistoryHost & { entries: string[]; edit(hash: string): void } = {
    entries,
    location: {
      get hash() {
        return entries[at] ?? ''
      },
    },
    history: {
      get state() {
        return states[at] ?? null
      },
      pushState(state, _unused, url) {
        entries.splice(at + 1, entries.length, setTo(url))
        at++
        states.splice(at, states.length, state)
      },
      replaceState(state, _unused, url) {
        entries[at] = setTo(url)
        states[at] = state
      },
      back() {
        if (at > 0) at--
        fire('popstate')
      },
      forward() {
        if (at < entries.length - 1) at++
        fire('popstate')
      },
    },
    addEventListener: (type, l) => listeners.set(type, (listeners.get(type) ?? new Set()).add(l)),
    removeEventListener: (type, l) => listeners.get(type)?.delete(l),
    /** The user types a new fragment in the address bar. */
    edit(hash) {
      entries.splice(at + 1, entries.length, hash)
      at++
      fire('popstate')
      fire('hashchange')
    },
  }
  return host
}

const routes = [
  { id: 'chat.new', path: '/chat' },
  { id: 'chat.conversation', path: '/chat/:conversationId' },
  { id: 'settings', path: '/settings' },
]

describe('parseHash', () => {
  it('reads the path and the query of a #/ fragment', () => {
    expect(parseHash('#/chat/abc?message=m1')).toEqual({ path: '/chat/abc', query: { message: 'm1' } })
    expect(parseHash('#/settings')).toEqual({ path: '/settings', query: {} })
    expect(parseHash('#/')).toEqual({ path: '/', query: {} })
  })

  it('ignores doubled and trailing slashes', () => {
    expect(parseHash('#/chat//abc/')?.path).toBe('/chat/abc')
  })

  it('leaves fragments that are not routes alone', () => {
    expect(parseHash('')).toBeNull()
    expect(parseHash('#')).toBeNull()
    expect(parseHash('#token=abc123')).toBeNull()
    expect(parseHash('#chat')).toBeNull()
    expect(parseHash('#/chat/%E0%A4%A')).toBeNull()
  })
})

describe('matchRoute', () => {
  it('matches literal segments and decodes params', () => {
    expect(matchRoute(routes, { path: '/chat', query: {} })?.route.id).toBe('chat.new')
    const m = matchRoute(routes, parseHash('#/chat/a%20b?message=x')!)
    expect(m).toEqual({ route: routes[1], params: { conversationId: 'a b' }, query: { message: 'x' } })
  })

  it('needs every segment to fit', () => {
    expect(matchRoute(routes, { path: '/chat/a/b', query: {} })).toBeNull()
    expect(matchRoute(routes, { path: '/settingsx', query: {} })).toBeNull()
    expect(matchRoute(routes, { path: '/', query: {} })).toBeNull()
  })
})

describe('buildPath', () => {
  it('fills params and query, encoded, and round-trips through parse and match', () => {
    const path = buildPath('/chat/:conversationId', { conversationId: 'a/b c' }, { message: 'm 1' })
    expect(path).toBe('/chat/a%2Fb%20c?message=m+1')
    const m = matchRoute(routes, parseHash(`#${path}`)!)
    expect(m?.params).toEqual({ conversationId: 'a/b c' })
    expect(m?.query).toEqual({ message: 'm 1' })
  })

  it('refuses a missing param rather than building a path that means another route', () => {
    expect(() => buildPath('/chat/:conversationId', {})).toThrow(/conversationId/)
  })
})

describe('createHashRouter', () => {
  it('starts where the window is; a fragment that is not a route is no location', () => {
    expect(createHashRouter(memoryHost('#/settings')).current()?.path).toBe('/settings')
    const router = createHashRouter(memoryHost('#token=abc'))
    expect(router.current()).toBeNull()
  })

  it('pushes, replaces and tells listeners; the same place twice adds no entry', () => {
    const host = memoryHost()
    const router = createHashRouter(host)
    let moves = 0
    router.subscribe(() => moves++)
    router.navigate('/chat/c1')
    router.navigate('/chat/c1')
    router.navigate('/settings')
    router.navigate('/settings?x=1', { replace: true })
    expect(host.entries).toEqual(['', '#/chat/c1', '#/settings?x=1'])
    expect(moves).toBe(3)
    expect(router.current()).toEqual({ path: '/settings', query: { x: '1' } })
  })

  it('follows back, forward and a hand-edited address, and remembers where it was', () => {
    const host = memoryHost()
    const router = createHashRouter(host)
    const seen: (string | undefined)[] = []
    router.subscribe(() => seen.push(router.current()?.path))
    router.navigate('/chat/c1')
    router.navigate('/settings')
    router.back()
    expect(router.current()?.path).toBe('/chat/c1')
    expect(router.previous()?.path).toBe('/settings')
    router.forward()
    expect(router.current()?.path).toBe('/settings')
    host.edit('#/chat')
    // popstate and hashchange both fired for the edit: one move.
    expect(seen).toEqual(['/chat/c1', '/settings', '/chat/c1', '/settings', '/chat'])
  })

  it('keeps data with a history entry, which comes back with it', () => {
    const host = memoryHost()
    const router = createHashRouter(host)
    router.navigate('/chat')
    router.setEntryData('chat.conversationId', 'c1')
    router.setEntryData('other', 1)
    router.navigate('/settings')
    expect(router.entryData('chat.conversationId')).toBeUndefined()
    router.back()
    expect(host.location.hash).toBe('#/chat')
    expect(router.entryData('chat.conversationId')).toBe('c1')
    expect(router.entryData('other')).toBe(1)
  })

  it('keeps the snapshot stable between moves', () => {
    const router = createHashRouter(memoryHost('#/chat'))
    expect(router.current()).toBe(router.current())
  })

  it('stops listening when stopped', () => {
    const host = memoryHost()
    const router = createHashRouter(host)
    let moves = 0
    router.subscribe(() => moves++)
    router.stop()
    host.edit('#/settings')
    expect(moves).toBe(0)
  })
})

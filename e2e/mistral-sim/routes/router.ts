// Matches a request against the route table. Built once per simulator; it
// checks each route against the spec so a wrong path or operationId fails at
// start-up rather than as a confusing 404 in a test.
import { operationById } from '../spec'
import type { Route } from './route'

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  /** The path exists with other methods: FastAPI answers 405. */
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' }

export interface Router {
  match(method: string, path: string): Match
}

interface Compiled {
  route: Route
  pattern: RegExp
  names: string[]
}

function compile(route: Route): Compiled {
  const names: string[] = []
  const source = route.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1]
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      names.push(name)
      return '([^/]+)'
    })
    .join('')
  return { route, pattern: new RegExp(`^${source}$`), names }
}

export function createRouter(routes: readonly Route[]): Router {
  const seen = new Set<string>()
  for (const route of routes) {
    const op = operationById(route.operationId)
    if (op.method !== route.method || op.path !== route.path) {
      throw new Error(`route ${route.method} ${route.path}: the spec has ${route.operationId} at ${op.method} ${op.path}`)
    }
    const key = `${route.method} ${route.path}`
    if (seen.has(key)) throw new Error(`two routes for ${key}`)
    seen.add(key)
  }
  const compiled = routes.map(compile)

  return {
    match(method, path) {
      let pathKnown = false
      for (const { route, pattern, names } of compiled) {
        const m = pattern.exec(path)
        if (!m) continue
        pathKnown = true
        if (route.method !== method) continue
        const params: Record<string, string> = {}
        names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')))
        return { kind: 'route', route, params }
      }
      return pathKnown ? { kind: 'method-not-allowed' } : { kind: 'not-found' }
    },
  }
}

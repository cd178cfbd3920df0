import { describe, expect, it } from 'vitest'
import { resolveRoute, routes } from '../shell/routes'
import { buildPath, parseHash } from '../shell/router'
import { features } from '.'

const ids = (list: { id: string }[]) => list.map((x) => x.id)
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i)

/** A path for a route pattern, with a sample value for each param. */
const samplePath = (pattern: string) =>
  buildPath(pattern, Object.fromEntries([...pattern.matchAll(/:(\w+)/g)].map(([, name]) => [name as string, `x-${name}`])))

describe('the feature list', () => {
  it('names each feature once', () => {
    expect(duplicates(ids([...features]))).toEqual([])
  })

  it('gives every route its own id and its own path', () => {
    expect(routes.length).toBeGreaterThan(0)
    expect(duplicates(ids(routes))).toEqual([])
    expect(duplicates(routes.map((r) => r.path))).toEqual([])
  })

  it('resolves every route from its own address, params included', () => {
    for (const route of routes) {
      const match = resolveRoute(parseHash(`#${samplePath(route.path)}`))
      expect(match.route.id, route.path).toBe(route.id)
    }
  })

  it('shows the start screen for an address that is no route', () => {
    expect(resolveRoute(null).route).toBe(routes[0])
    expect(resolveRoute(parseHash('#/no/such/screen')).route).toBe(routes[0])
  })

  it('points every nav entry at a route it resolves to', () => {
    for (const feature of features) {
      for (const entry of feature.nav ?? []) {
        expect(resolveRoute(parseHash(`#${entry.path}`)).route.id, entry.label).toBe(entry.routeId)
      }
    }
  })

  it('keeps sidebar sections and shortcuts apart', () => {
    expect(duplicates(features.flatMap((f) => ids([...(f.sidebar ?? [])])))).toEqual([])
    expect(duplicates(features.flatMap((f) => (f.shortcuts ?? []).map((s) => s.keys)))).toEqual([])
  })
})

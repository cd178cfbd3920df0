/**
 * The window's router, for features to move with: navigate('/settings'), back(), forward(),
 * and useLocation() for screens that show where the window is. bootstrap.ts starts it
 * before the first render, after the browser host has taken the token off the address.
 */
import { useSyncExternalStore } from 'react'
import { createHashRouter, type HistoryHost, type RouteLocation, type Router } from './router'

let router: Router | null = null

export function startNavigation(host: HistoryHost): Router {
  router?.stop()
  router = createHashRouter(host)
  return router
}

/**
 * Goes to `path`. Before start (unit tests of stores, in Node) there is no window to move,
 * and nothing happens.
 */
export function navigate(path: string, options?: { replace?: boolean }): void {
  router?.navigate(path, options)
}

export function back(): void {
  router?.back()
}

export function forward(): void {
  router?.forward()
}

export function currentLocation(): RouteLocation | null {
  return router?.current() ?? null
}

export function previousLocation(): RouteLocation | null {
  return router?.previous() ?? null
}

/** See Router.entryData; before start there is no entry, and nothing is kept. */
export function entryData(key: string): unknown {
  return router?.entryData(key)
}

export function setEntryData(key: string, value: unknown): void {
  router?.setEntryData(key, value)
}

/** Calls `listener` after every move. */
export function onNavigate(listener: () => void): () => void {
  return router?.subscribe(listener) ?? (() => {})
}

const subscribe = (listener: () => void) => onNavigate(listener)

export function useLocation(): RouteLocation | null {
  return useSyncExternalStore(subscribe, currentLocation)
}

/** A location as a path navigate() takes. */
export function pathOf(location: RouteLocation): string {
  const search = new URLSearchParams(location.query).toString()
  return `${location.path}${search ? `?${search}` : ''}`
}

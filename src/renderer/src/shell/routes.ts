/** The route table: every feature's routes, in list order. The first is the start screen. */
import { features } from '../features'
import type { Feature, FeatureRoute, NavEntry, SidebarSection } from './feature'
import { matchRoute, type RouteLocation, type RouteMatch } from './router'

export function routesOf(list: readonly Feature[]): FeatureRoute[] {
  return list.flatMap((f) => f.routes ?? [])
}

export const routes = routesOf(features)

const home = routes[0]
if (!home) throw new Error('features/index.ts lists no feature with a route')
export const homeRoute: FeatureRoute = home

/** What the window shows at `location`; an address that is not a route shows the start screen. */
export function resolveRoute(location: RouteLocation | null): RouteMatch<FeatureRoute> {
  return (location && matchRoute(routes, location)) ?? { route: homeRoute, params: {}, query: {} }
}

export const sidebarSections: readonly SidebarSection[] = features.flatMap((f) => f.sidebar ?? [])
export const navEntries: readonly NavEntry[] = features.flatMap((f) => f.nav ?? [])
export const featureShortcuts = features.flatMap((f) => f.shortcuts ?? [])

/**
 * Start-up, outside React so StrictMode's double effects cannot run it twice: wire the host
 * connection, run each feature's start-up work, then start the router and enter the route
 * the address names.
 */
import { isBrowserHost, onConnectionLost } from '../api'
import { features } from '../features'
import { stripTokenFromAddressBar } from '../ws-bridge'
import { setConnectionError } from './app-store'
import { currentLocation, navigate, onNavigate, startNavigation } from './navigation'
import { homeRoute, resolveRoute } from './routes'
import { closeNarrowSidebar } from './sidebar-state'

function enterCurrentRoute(): void {
  const match = resolveRoute(currentLocation())
  match.route.enter?.(match)
}

export function bootstrap(): void {
  // Before the router starts: the address is the token's until it is off it.
  if (isBrowserHost()) stripTokenFromAddressBar(window.location, window.history)
  onConnectionLost(setConnectionError)
  for (const feature of features) feature.start?.()
  startNavigation(window)
  // An empty fragment becomes the start screen's route, so Back can come back to it by name.
  // Any other fragment that is not a route is left as it is (router.ts).
  if (window.location.hash === '' || window.location.hash === '#') navigate(homeRoute.path, { replace: true })
  onNavigate(enterCurrentRoute)
  // A narrow window's sidebar lies over the chat: once the user has picked where to go, it steps aside.
  onNavigate(closeNarrowSidebar)
  enterCurrentRoute()
}

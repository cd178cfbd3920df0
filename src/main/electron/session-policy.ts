/**
 * Permissions: the app needs no camera, microphone, geolocation, notifications, etc.,
 * so every request and check is denied. The one exception is writing to the clipboard
 * from our own page, which the "Copy" buttons use; it cannot read anything.
 */
import type { Session } from 'electron'
import { isTrustedRendererUrl } from './app-protocol'

const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export function lockDownSession(session: Session, devOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isTrustedRendererUrl(details.requestingUrl, devOrigin))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isTrustedRendererUrl(requestingOrigin, devOrigin)
  })
}

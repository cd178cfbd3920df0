/**
 * node/: plain Node, used by the Electron shell; never imports electron.
 *
 * Two environment variables change what the Electron app trusts, so they are development
 * switches only, decided by the build and not by `!app.isPackaged` (which is true under
 * `npm start`, the way users run the app from source):
 * - ELECTRON_RENDERER_URL names electron-vite's dev server; the window loads it and its
 *   origin is trusted for IPC. Honoured only in an `electron-vite dev` build, and only
 *   for a loopback http URL.
 * - MISTRAL_DESK_SQLITE_BINDING names a better_sqlite3.node to load into the main process.
 *   The only file an unpackaged app loads is the one scripts/electron-sqlite.mjs builds
 *   into the project's own cache, found by its fixed path; in a dev build the variable may
 *   name that same file, nothing else. A packaged app loads the copy electron-builder
 *   rebuilt in place.
 */
import { lstatSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const RENDERER_URL_VAR = 'ELECTRON_RENDERER_URL'
export const SQLITE_BINDING_VAR = 'MISTRAL_DESK_SQLITE_BINDING'
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** electron-vite's dev server URL in a dev build, else null. Throws on a URL that is not a local dev server. */
export function devRendererUrl(devBuild: boolean, value: string | undefined): string | null {
  if (!devBuild || !value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${RENDERER_URL_VAR} is not a URL: "${value}".`)
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`${RENDERER_URL_VAR} must be electron-vite's dev server on this machine (http://localhost:<port>/), not "${value}".`)
  }
  return url.href
}

/** Where scripts/electron-sqlite.mjs caches the addon built for this Electron (keep the two in step). */
export function electronSqliteCachePath(root: string, electronVersion: string, platform: string, arch: string): string {
  return join(resolve(root), '.tmp', 'electron-native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node')
}

export interface SqliteBindingInput {
  packaged: boolean
  devBuild: boolean
  /** The project the main bundle was built in, where package.json and .tmp/ are. */
  root: string
  /** process.versions.electron; undefined outside Electron. */
  electronVersion: string | undefined
  platform: string
  arch: string
  /** The variable's value, if set. */
  requested: string | undefined
  /** A regular file (not a symlink) exists there. */
  isFile?: (path: string) => boolean
}

/** The better_sqlite3.node the main process should load, or undefined for better-sqlite3's own. */
export function chooseSqliteBinding(input: SqliteBindingInput): string | undefined {
  if (input.packaged || !input.electronVersion) return undefined
  const expected = electronSqliteCachePath(input.root, input.electronVersion, input.platform, input.arch)
  if (input.devBuild && input.requested && resolve(input.requested) !== expected) {
    throw new Error(`${SQLITE_BINDING_VAR} may only name ${expected} (the cache scripts/electron-sqlite.mjs fills), not "${input.requested}".`)
  }
  return (input.isFile ?? isRegularFile)(expected) ? expected : undefined
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile()
  } catch {
    return false
  }
}

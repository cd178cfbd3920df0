/**
 * better-sqlite3 built for Electron's ABI, for `npm start` in development.
 *
 * node_modules/better-sqlite3 is compiled for Node: the unit tests and the browser host
 * load it, so it must stay that way. Electron embeds Node with another ABI and refuses
 * that binary. Rebuilding node_modules in place (electron-rebuild, a postinstall hook)
 * would break the tests and needs the network, which CI lacks. So a second build is made
 * on the side, in a scratch copy of the package, cached per Electron version at
 *   .tmp/electron-native/electron-<version>-<platform>-<arch>/better_sqlite3.node
 * and the unpackaged app finds it there by that fixed path (src/main/node/dev-switches.ts
 * computes the same one; it loads no other file, whatever the environment says).
 *
 * Packaging does not come through here: electron-builder rebuilds better-sqlite3 in place
 * inside the app it packages (npm run dist), and a packaged app never looks in the cache.
 *
 * Both ways of getting the binary need the network (a prebuilt download from
 * better-sqlite3's GitHub releases, or Electron's headers for node-gyp), so this file
 * cannot be exercised on our offline build and CI machines. What it relies on was read
 * from the installed packages instead: better-sqlite3's install script is
 * `prebuild-install || node-gyp rebuild --release`; prebuild-install reads package.json
 * from its working directory and unpacks into ./build/Release; node-gyp takes
 * --runtime/--target/--dist-url. The result is loaded once in Electron before it is used.
 */
import { spawnSync } from 'node:child_process'
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'

const ELECTRON_HEADERS = 'https://electronjs.org/headers'
/** A download that has not finished by then is not coming (prebuild-install's own request timeout is 30 s). */
const PREBUILD_TIMEOUT_MS = 90_000
/** Compiling SQLite's amalgamation takes a minute or two on a laptop. */
const COMPILE_TIMEOUT_MS = 15 * 60_000
const VERIFY_TIMEOUT_MS = 30_000

/**
 * The path of a better_sqlite3.node that this Electron can load, building and caching it
 * on first use: `{ path }`, or `{ reason }` (one line) when it cannot be had.
 */
export function electronSqliteBinding(root, electronExecutable) {
  const requireFromRoot = createRequire(join(root, 'package.json'))
  const sqlitePackage = dirname(requireFromRoot.resolve('better-sqlite3/package.json'))
  const sqliteVersion = requireFromRoot('better-sqlite3/package.json').version
  const { electronVersion, cacheDir, binding, stamp } = cachePaths(root)
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sqliteVersion) {
    return { path: binding }
  }

  mkdirSync(cacheDir, { recursive: true })
  const log = join(cacheDir, 'build.log')
  writeFileSync(log, `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}\n`)
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; cached in ${relative(root, cacheDir)})...`)

  const work = mkdtempSync(join(tmpdir(), 'mdesk-sqlite-electron-'))
  try {
    // Without build/ the copy holds no Node binary that a half-failed step could leave behind.
    const skip = ['build', 'node_modules']
    cpSync(sqlitePackage, work, { recursive: true, filter: (src) => !skip.includes(relative(sqlitePackage, src)) })
    const built = buildInCopy(work, { sqlitePackage, electronVersion, log })
    const seeLog = `; log in ${relative(root, log)}`
    if (!built.ok) return { reason: `better-sqlite3 could not be built for Electron ${electronVersion}: ${built.reason}${seeLog}` }
    const loads = loadsInElectron(electronExecutable, sqlitePackage, built.file, log)
    if (!loads.ok) return { reason: `the better-sqlite3 built for Electron ${electronVersion} does not load in it: ${loads.reason}${seeLog}` }
    // Copy, then rename: a concurrent `npm start` never sees half a file.
    const partial = `${binding}.${process.pid}.tmp`
    copyFileSync(built.file, partial)
    renameSync(partial, binding)
    writeFileSync(stamp, `${sqliteVersion}\n`)
    return { path: binding }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The cache for this Electron; src/main/node/dev-switches.ts electronSqliteCachePath() names the same file. */
function cachePaths(root) {
  const electronVersion = createRequire(join(root, 'package.json'))('electron/package.json').version
  const cacheDir = join(root, '.tmp/electron-native', `electron-${electronVersion}-${process.platform}-${process.arch}`)
  // The directory name covers Electron; the stamp covers a better-sqlite3 upgrade.
  return { electronVersion, cacheDir, binding: join(cacheDir, 'better_sqlite3.node'), stamp: join(cacheDir, 'better-sqlite3-version.txt') }
}

/**
 * A better_sqlite3.node built elsewhere (e.g. for an offline machine), put where the app
 * looks. Without a stamp, so a later run without it builds its own again.
 */
export function adoptElectronSqliteBinding(root, file) {
  if (basename(file) !== 'better_sqlite3.node' || !existsSync(file)) {
    return { reason: `MISTRAL_DESK_SQLITE_BINDING must name an existing better_sqlite3.node, not "${file}"` }
  }
  const { cacheDir, binding, stamp } = cachePaths(root)
  if (file === binding) return { path: binding }
  mkdirSync(cacheDir, { recursive: true })
  rmSync(stamp, { force: true })
  const partial = `${binding}.${process.pid}.tmp`
  copyFileSync(file, partial)
  renameSync(partial, binding)
  return { path: binding }
}

/** better-sqlite3's own install recipe, aimed at Electron: a prebuilt binary, else a compile. */
function buildInCopy(dir, { sqlitePackage, electronVersion, log }) {
  const file = join(dir, 'build/Release/better_sqlite3.node')
  const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]
  // Resolved from better-sqlite3, whose dependency it is, wherever npm placed it.
  const sqliteRequire = createRequire(join(sqlitePackage, 'package.json'))

  const prebuildInstall = resolveOrNull(sqliteRequire, 'prebuild-install/bin.js')
  const prebuild = prebuildInstall
    ? run(log, process.execPath, [prebuildInstall, ...target, `--platform=${process.platform}`, '--verbose'], {
        cwd: dir,
        timeout: PREBUILD_TIMEOUT_MS,
      })
    : { ok: false, reason: 'prebuild-install is not installed' }
  if (prebuild.ok && existsSync(file)) return { ok: true, file }

  const nodeGyp = findNodeGyp(sqliteRequire)
  if (!nodeGyp) return { ok: false, reason: `no prebuilt binary (${prebuild.reason}) and no node-gyp to compile one` }
  const compile = run(log, process.execPath, [nodeGyp, 'rebuild', '--release', ...target, `--dist-url=${ELECTRON_HEADERS}`], {
    cwd: dir,
    timeout: COMPILE_TIMEOUT_MS,
  })
  if (compile.ok && existsSync(file)) return { ok: true, file }
  return { ok: false, reason: `no prebuilt binary (${prebuild.reason}) and no compile (${compile.reason})` }
}

/** node-gyp from the project's devDependencies if it has one, else npm's bundled copy. */
function findNodeGyp(require) {
  const candidates = [resolveOrNull(require, 'node-gyp/bin/node-gyp.js'), process.env.npm_config_node_gyp]
  // npm_execpath is .../npm/bin/npm-cli.js when started through npm.
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '../node_modules/node-gyp/bin/node-gyp.js'))
  const nodeDir = dirname(process.execPath)
  candidates.push(
    join(nodeDir, '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'), // Unix installs
    join(nodeDir, 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'), // Windows installs
  )
  // It is run with this Node, so only its JS entry will do.
  return candidates.find((file) => file && basename(file) === 'node-gyp.js' && existsSync(file)) ?? null
}

function resolveOrNull(require, specifier) {
  try {
    return require.resolve(specifier)
  } catch {
    return null
  }
}

/** Opens an in-memory database in Electron running as Node: the ABI check that matters. */
function loadsInElectron(electronExecutable, sqlitePackage, file, log) {
  const probe = [
    `const Database = require(${JSON.stringify(sqlitePackage)})`,
    `new Database(':memory:', { nativeBinding: ${JSON.stringify(file)} }).prepare('select 1').get()`,
  ].join('\n')
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
  return run(log, electronExecutable, ['-e', probe], { env, timeout: VERIFY_TIMEOUT_MS })
}

/** Runs a step with its output appended to the log; `reason` is one line for the user. */
function run(log, command, args, { cwd, env = buildEnv(), timeout }) {
  appendFileSync(log, `\n$ ${[command, ...args].join(' ')}\n`)
  const result = spawnSync(command, args, { cwd, env, timeout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  appendFileSync(log, output)
  if (result.error) return { ok: false, reason: result.error.code === 'ETIMEDOUT' ? `timed out after ${timeout / 1000} s` : result.error.message }
  if (result.status === 0) return { ok: true }
  return { ok: false, reason: lastError(output) ?? `exit code ${result.status ?? result.signal}` }
}

/**
 * The environment for prebuild-install and node-gyp. npm exports its config as
 * npm_config_*, and node-gyp lets those *override* its command-line flags: a global
 * `nodedir` (set on some machines, ours included) would silently compile against Node's
 * headers, the wrong ABI. So the settings this file passes as flags are dropped.
 * npm_package_* describe this app, not better-sqlite3 (and npm_package_config_node_gyp_*
 * would override node-gyp's flags too).
 */
function buildEnv() {
  const overridden = /^npm_config_(nodedir|runtime|target|disturl|dist_url|arch|platform)$|^npm_package_/i
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !overridden.test(name)))
}

/** One line from a failed step's output: its last thrown Error, else its last error or warning line. */
function lastError(output) {
  const lines = output
    .split('\n')
    .map((line) => line.replace(/^gyp ERR! stack /, '').trim())
    .filter(Boolean)
  const thrown = lines.findLastIndex((line) => /^\w*Error: /.test(line))
  if (thrown >= 0) {
    // Node and node-gyp spread one message over several lines, up to the stack trace.
    const rest = lines.slice(thrown + 1)
    const end = rest.findIndex((line) => /^(at |\{|gyp |Node\.js v)/.test(line))
    const message = [lines[thrown], ...rest.slice(0, end < 0 ? rest.length : end)].join(' ').replace(/^\w*Error: /, '')
    // Offline, node-gyp blames "network connectivity" without naming what it fetched.
    const fetched = lines.filter((line) => line.startsWith('gyp http GET ')).at(-1)
    if (fetched && /network connectivity/.test(message)) return `could not download ${fetched.slice('gyp http GET '.length)}`
    return message
  }
  const flagged = lines.filter((line) => /\b(ERR!|error|warn)\b/i.test(line)).at(-1)
  return (flagged ?? lines.at(-1))?.replace(/^(prebuild-install|gyp) (ERR!|warn|info) (install )?/, '') ?? null
}

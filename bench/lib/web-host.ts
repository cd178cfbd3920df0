/**
 * The built browser host (out/main/web.js) as a child process, like the e2e fixture's
 * launchWebHost, plus what the benchmarks need beyond it: the pid (for /proc), the
 * moment of spawn (for cold start), and a GC + memory probe for the memory scenario.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const HOST_ENTRY = fileURLToPath(new URL('../../out/main/web.js', import.meta.url))
const PROBE = pathToFileURL(fileURLToPath(new URL('./host-probe.mjs', import.meta.url))).href
const READY_LINE = /ready at (http:\/\/127\.0\.0\.1:\d+\/#token=\w+)/
const MEMORY_LINE = /\[bench-memory\] (\{.*\})\n/g

/** Milliseconds since the Unix epoch with sub-millisecond resolution; comparable with a page's timeOrigin + now(). */
export const epochNow = (): number => performance.timeOrigin + performance.now()

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Why out/ cannot be used as it is, or null when it is there and newer than every file in src/. */
export function staleReason(): string | null {
  if (!existsSync(HOST_ENTRY)) return `${HOST_ENTRY} is missing`
  const src = join(REPO_ROOT, 'src')
  if (existsSync(src) && newestMtime(src) > statSync(HOST_ENTRY).mtimeMs) return 'src/ changed since out/ was built'
  return null
}

export interface HostBuild {
  /** web.js of the private copy the scenarios launch. */
  entry: string
  builtAt: string
  from: string
}

/**
 * The host and renderer the scenarios run, in a private directory for this bench run.
 * Other engineers' test runs rebuild out/ on this shared tree, and a rebuild mid-run
 * swaps the hashed assets under an open page; a private copy cannot change, and the
 * bench never rewrites out/ under their tests either. It sits under the repo's .tmp/
 * so the host's bare imports still resolve to node_modules.
 *  - 'auto': copy out/ when it is newer than src/, else build (a stale build would
 *    measure old code, and its migrations would not match the seeder's);
 *  - 'force': always build; 'never': copy out/ as it is.
 */
export function prepareHost(mode: 'auto' | 'force' | 'never', log: (line: string) => void): HostBuild {
  const dir = join(REPO_ROOT, '.tmp', `bench-host-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const reason = mode === 'force' ? '--build' : mode === 'auto' ? staleReason() : null
  let from: string
  if (reason) {
    log(`${reason}: building into ${dir}`)
    const result = spawnSync('npx', ['electron-vite', 'build', '--outDir', dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (result.status !== 0) throw new Error('npx electron-vite build failed; the browser-host scenarios need the built host')
    from = `private build (${reason})`
  } else {
    if (!existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing and --no-build was given`)
    cpSync(join(REPO_ROOT, 'out'), dir, { recursive: true, preserveTimestamps: true })
    from = 'copy of out/'
  }
  const entry = join(dir, 'main', 'web.js')
  if (!existsSync(entry)) throw new Error(`no ${entry} after preparing the host`)
  return { entry, builtAt: statSync(entry).mtime.toISOString(), from }
}

export interface HostMemory {
  heapUsed: number
  heapTotal: number
  external: number
  rss: number
  /** VmRSS from /proc/<pid>/status, in bytes. */
  vmRss: number | null
}

export interface HostProcess {
  url: string
  pid: number
  /** epochNow() just before spawn and when the ready line arrived. */
  spawnedAt: number
  readyAt: number
  output(): string
  /** Forces GC in the host and reads its memory; needs probe: true. */
  memory(): Promise<HostMemory>
  stop(): Promise<void>
}

const live = new Set<ChildProcess>()
// A crashed or interrupted bench must not leave hosts behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

export function vmRss(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match?.[1] ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

export async function startHost(opts: {
  /** HostBuild.entry: the private copy of web.js. */
  entry: string
  dataDir: string
  serverURL: string
  apiKey: string
  /** node --expose-gc --import host-probe.mjs: enables memory(). */
  probe?: boolean
}): Promise<HostProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, MISTRAL_API_KEY: opts.apiKey }
  const nodeArgs = opts.probe ? ['--expose-gc', '--import', PROBE] : []
  const spawnedAt = epochNow()
  const child = spawn(
    process.execPath,
    [...nodeArgs, opts.entry, '--port', '0', '--data-dir', opts.dataDir, '--server-url', opts.serverURL],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  live.add(child)
  let output = ''
  let memoryWaiter: ((line: string) => void) | null = null
  const exited = new Promise<void>((done) => child.once('exit', () => {
    live.delete(child)
    done()
  }))
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    for (const match of output.matchAll(MEMORY_LINE)) {
      memoryWaiter?.(match[1] as string)
      memoryWaiter = null
    }
    output = output.replace(MEMORY_LINE, '')
  })
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 60 s:\n${output}`)), 60_000)
    const onData = () => {
      const match = READY_LINE.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser host exited with ${code}:\n${output}`))
    })
  })
  const readyAt = epochNow()
  const pid = child.pid as number

  return {
    url,
    pid,
    spawnedAt,
    readyAt,
    output: () => output,
    async memory() {
      if (!opts.probe) throw new Error('memory() needs a host started with probe: true')
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the host did not answer the memory probe in 20 s')), 20_000)
        memoryWaiter = (l) => {
          clearTimeout(timer)
          resolve(l)
        }
        child.kill('SIGUSR2')
      })
      const usage = JSON.parse(line) as { gc: boolean; heapUsed: number; heapTotal: number; external: number; rss: number }
      if (!usage.gc) throw new Error('the host has no gc(): --expose-gc did not take')
      return { heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, rss: usage.rss, vmRss: vmRss(pid) }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

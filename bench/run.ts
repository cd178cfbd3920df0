/**
 * npm run bench [-- [--quick] [--runs N] [--warmup N] [--build | --no-build] [--no-write] [scenario...]]
 * npm run bench -- --markdown   (the newest results as Markdown tables, for BENCHMARKS.md)
 *
 * Runs each scenario (all by default), prints a table per scenario and writes
 * bench/results/<date>-<scenario>.json (bench/results/quick/ with --quick). Targets are
 * reported, never asserted; the exit code is non-zero only when a scenario crashed or a
 * correctness check inside it failed (e.g. streamed text was lost).
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './lib/browser'
import { loadAvg, machineInfo } from './lib/machine'
import { localDate, markdownFromResults, printOutcome, writeResult } from './lib/report'
import {
  finishMetrics,
  type CheckResult,
  type MetricSpec,
  type Scenario,
  type ScenarioContext,
  type ScenarioOutcome,
} from './lib/scenario'
import { prepareHost } from './lib/web-host'
import { chatRender } from './scenarios/chat-render'
import { coldStart } from './scenarios/cold-start'
import { ipcCoalescing } from './scenarios/ipc-coalescing'
import { jsonlCheck } from './scenarios/jsonl-check'
import { ledgerScale } from './scenarios/ledger-scale'
import { memory } from './scenarios/memory'
import { ocrLarge } from './scenarios/ocr-large'
import { streamOverhead } from './scenarios/stream-overhead'

// One line per scenario, so scenarios added side by side merge cleanly.
const SCENARIOS: Scenario[] = [
  streamOverhead,
  ipcCoalescing,
  coldStart,
  memory,
  chatRender,
  ledgerScale,
  jsonlCheck,
  ocrLarge,
]
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))

const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--warmup N] [--build | --no-build] [--no-write] [--markdown] [scenario...]
  scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}
  --quick     tiny sizes, one run: checks that every scenario still works (CI)
  --runs N    measured runs per scenario (default: the scenario's own)
  --warmup N  warm-up runs per scenario (default: the scenario's own)
  --build     build the host afresh (default: only when out/ is missing or older than src/;
              either way the scenarios run a private copy, so rebuilds of out/ cannot disturb them)
  --no-build  use a copy of out/ as it is
  --no-write  print the tables, write no JSON
  --markdown  run nothing: print the newest results in bench/results as Markdown (for BENCHMARKS.md)`

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got "${value}"`)
  return n
}

class Session implements ScenarioContext {
  readonly specs: MetricSpec[] = []
  readonly samples = new Map<string, number[]>()
  readonly checks: CheckResult[] = []
  readonly notes: string[] = []
  readonly configValues: Record<string, unknown> = {}
  private readonly cleanups: (() => Promise<void> | void)[] = []
  private warming = false

  constructor(
    readonly quick: boolean,
    readonly warmup: number,
    readonly runs: number,
    readonly browser: () => Promise<Browser>,
    readonly hostEntry: string,
    private readonly name: string,
  ) {}

  log(line: string): void {
    console.error(`[${this.name}] ${line}`)
  }
  config(values: Record<string, unknown>): void {
    Object.assign(this.configValues, values)
  }
  note(text: string): void {
    this.notes.push(text)
  }
  metric(spec: MetricSpec): void {
    if (this.specs.some((s) => s.key === spec.key)) throw new Error(`metric ${spec.key} declared twice`)
    this.specs.push(spec)
  }
  sample(key: string, value: number): void {
    if (!this.specs.some((s) => s.key === key)) throw new Error(`sample for undeclared metric ${key}`)
    if (this.warming) return
    const list = this.samples.get(key) ?? []
    list.push(value)
    this.samples.set(key, list)
  }
  check(name: string, ok: boolean, detail?: string): void {
    this.checks.push({ name, ok, ...(detail ? { detail } : {}) })
    if (!ok) this.log(`check failed: ${name}${detail ? `: ${detail}` : ''}`)
  }
  defer(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup)
  }
  async repeat(body: (run: { index: number; warmup: boolean }) => Promise<void>): Promise<void> {
    for (let i = 0; i < this.warmup + this.runs; i++) {
      this.warming = i < this.warmup
      this.log(this.warming ? `warm-up ${i + 1}/${this.warmup}` : `run ${i - this.warmup + 1}/${this.runs}`)
      await body({ index: i, warmup: this.warming })
    }
    this.warming = false
  }
  async cleanup(): Promise<string[]> {
    const errors: string[] = []
    for (const fn of this.cleanups.splice(0).reverse()) {
      try {
        await fn()
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err))
      }
    }
    return errors
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      build: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const unknown = positionals.filter((p) => !SCENARIOS.some((s) => s.name === p))
  if (unknown.length) {
    console.error(`unknown scenario: ${unknown.join(', ')}\n${USAGE}`)
    return 2
  }
  const selected = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS
  if (values.markdown) {
    console.log(markdownFromResults(RESULTS, selected.map((s) => s.name)))
    return 0
  }
  const quick = values.quick
  const runsOverride = count(values.runs, 'runs')
  const warmupOverride = count(values.warmup, 'warmup')
  if (runsOverride === 0) throw new Error('--runs must be at least 1')

  const host = prepareHost(values.build ? 'force' : values['no-build'] ? 'never' : 'auto', (line) => console.error(`[bench] ${line}`))

  // Held in an object: TypeScript does not see a closure assign a plain local.
  const shared: { browser: Promise<Browser> | null } = { browser: null }
  const getBrowser = () => (shared.browser ??= launchBrowser())
  const chromiumVersion = async () => (shared.browser ? (await shared.browser).version() : null)
  const date = localDate()
  const outDir = quick ? `${RESULTS}quick/` : RESULTS
  let failures = 0

  try {
    for (const scenario of selected) {
      const sizes = quick ? scenario.sizes.quick : scenario.sizes.full
      const session = new Session(
        quick,
        warmupOverride ?? sizes.warmup,
        runsOverride ?? sizes.runs,
        getBrowser,
        host.entry,
        scenario.name,
      )
      const started = performance.now()
      const startedAt = new Date().toISOString()
      const loadStart = loadAvg()
      const machine = machineInfo(await chromiumVersion())
      let error: string | undefined
      try {
        await withTimeout(scenario.run(session), quick ? 180_000 : 30 * 60_000, scenario.name)
      } catch (err) {
        error = err instanceof Error ? (err.stack ?? err.message) : String(err)
      }
      const cleanupErrors = await session.cleanup()
      for (const e of cleanupErrors) session.note(`cleanup failed: ${e}`)
      const outcome: ScenarioOutcome = {
        scenario: scenario.name,
        title: scenario.title,
        quick,
        warmup: session.warmup,
        runs: session.runs,
        config: session.configValues,
        metrics: finishMetrics(session.specs, session.samples),
        checks: session.checks,
        notes: session.notes,
        ...(error ? { error } : {}),
        durationMs: performance.now() - started,
      }
      const loadEnd = loadAvg()
      printOutcome(outcome, { start: loadStart, end: loadEnd })
      if (error || outcome.checks.some((c) => !c.ok)) failures++
      if (!values['no-write']) {
        const chromium = await chromiumVersion()
        const file = writeResult(outDir, {
          ...outcome,
          date,
          startedAt,
          machine: { ...machine, chromium },
          loadAvgAtEnd: loadEnd,
          hostBuild: { builtAt: host.builtAt, from: host.from },
        })
        console.log(`   -> ${file}`)
      }
    }
  } finally {
    if (shared.browser) await (await shared.browser).close().catch(() => undefined)
  }
  console.log(
    `\nbench: ${selected.length - failures} of ${selected.length} scenarios ran clean` +
      (failures ? `; ${failures} crashed or failed a correctness check` : '') +
      (quick ? ' (quick: sizes shrunk, timings not meaningful)' : ''),
  )
  return failures ? 1 : 0
}

// Playwright closes its browser on these signals; stop the whole run rather than carry on
// without it. Exiting runs the hooks that kill hosts and remove temp data.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: interrupted (${signal})`)
    process.exit(130)
  })
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)

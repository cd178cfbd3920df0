/**
 * What a scenario is and what it records. A scenario only measures and checks; the
 * runner owns warm-up bookkeeping, summaries, baselines, the table and the JSON file.
 */
import type { Browser } from 'playwright-core'
import { summarize, type Summary } from './stats'

export type Op = '<' | '<=' | '>='

/** A goal for a metric's median. Printed as met or missed; never an assertion. */
export interface Target {
  op: Op
  value: number
}

export interface MetricSpec {
  key: string
  label: string
  unit: string
  /** Key of the metric measured in the same run that this one is compared with, as a ratio. */
  baseline?: string
  target?: Target
  /** Digits after the decimal point in the table. */
  digits?: number
}

export interface MetricResult extends MetricSpec, Summary {
  samples: number[]
  baselineMedian?: number
  ratio?: number
  /** null when there is no target or no samples. */
  met: boolean | null
}

export interface CheckResult {
  name: string
  ok: boolean
  detail?: string
}

export interface Sizes {
  warmup: number
  runs: number
}

export interface ScenarioContext {
  readonly quick: boolean
  readonly warmup: number
  readonly runs: number
  /** web.js of the browser host this bench run launches (a private copy of the build). */
  readonly hostEntry: string
  /** One Chromium for the whole bench run, launched on first use. */
  browser(): Promise<Browser>
  log(line: string): void
  /** What was measured, for the JSON file (sizes, rates, paths). */
  config(values: Record<string, unknown>): void
  note(text: string): void
  metric(spec: MetricSpec): void
  /** Ignored during warm-up runs. */
  sample(key: string, value: number): void
  /** Correctness: a failed check fails the bench run (exit code), warm-up or not. */
  check(name: string, ok: boolean, detail?: string): void
  /** Runs after the scenario, also when it throws; last registered runs first. */
  defer(cleanup: () => Promise<void> | void): void
  /** Calls body for each warm-up run, then each measured run. */
  repeat(body: (run: { index: number; warmup: boolean }) => Promise<void>): Promise<void>
}

export interface Scenario {
  name: string
  /** One line: what it measures. */
  title: string
  sizes: { full: Sizes; quick: Sizes }
  run(ctx: ScenarioContext): Promise<void>
}

export interface ScenarioOutcome {
  scenario: string
  title: string
  quick: boolean
  warmup: number
  runs: number
  config: Record<string, unknown>
  metrics: MetricResult[]
  checks: CheckResult[]
  notes: string[]
  /** Set when the scenario threw. */
  error?: string
  durationMs: number
}

export function evaluate(op: Op, actual: number, goal: number): boolean {
  if (op === '<') return actual < goal
  if (op === '<=') return actual <= goal
  return actual >= goal
}

export function finishMetrics(specs: MetricSpec[], samples: Map<string, number[]>): MetricResult[] {
  const summaries = new Map(specs.map((s) => [s.key, summarize(samples.get(s.key) ?? [])]))
  return specs.map((spec) => {
    const own = summaries.get(spec.key) as Summary
    const base = spec.baseline ? summaries.get(spec.baseline) : undefined
    const ratio = base && base.n > 0 && own.n > 0 && base.median !== 0 ? own.median / base.median : undefined
    return {
      ...spec,
      ...own,
      samples: samples.get(spec.key) ?? [],
      ...(base && base.n > 0 ? { baselineMedian: base.median } : {}),
      ...(ratio !== undefined ? { ratio } : {}),
      met: spec.target && own.n > 0 ? evaluate(spec.target.op, own.median, spec.target.value) : null,
    }
  })
}

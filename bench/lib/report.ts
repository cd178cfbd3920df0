/** The human table on stdout and the commit-friendly JSON file per scenario. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { MachineInfo } from './machine'
import type { MetricResult, ScenarioOutcome } from './scenario'

export interface ResultFile extends ScenarioOutcome {
  date: string
  startedAt: string
  machine: MachineInfo
  loadAvgAtEnd: number[]
  /** The build the browser-host numbers measure. */
  hostBuild: { builtAt: string; from: string }
}

export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const fmt = (value: number | undefined, digits: number): string =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits)

function targetText(m: MetricResult): string {
  if (!m.target) return ''
  const goal = `${m.target.op} ${m.target.value}${m.unit === '%' ? '%' : ` ${m.unit}`}`
  if (m.met === null) return goal
  return `${goal} ${m.met ? 'met' : 'MISSED'}`
}

export function metricRows(metrics: MetricResult[]): string[][] {
  return metrics.map((m) => {
    const d = m.digits ?? 1
    const base = m.baseline ? metrics.find((b) => b.key === m.baseline) : undefined
    return [
      m.label,
      m.unit,
      fmt(m.median, d),
      fmt(m.min, d),
      fmt(m.max, d),
      // Labels read "what: where"; the baseline column names the where.
      base ? `${fmt(m.baselineMedian, base.digits ?? 1)} ${base.label.includes(': ') ? base.label.slice(base.label.indexOf(': ') + 2) : base.label}` : '',
      m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}x`,
      targetText(m),
    ]
  })
}

export const HEADER = ['metric', 'unit', 'median', 'min', 'max', 'baseline', 'ratio', 'target']

export function formatTable(rows: string[][], header = HEADER): string {
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const numeric = new Set([2, 3, 4, 6])
  const line = (r: string[]) =>
    r.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The same table as Markdown, for BENCHMARKS.md. */
export function markdownTable(rows: string[][], header = HEADER): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => ([2, 3, 4, 6].includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n')
}

export function printOutcome(o: ScenarioOutcome, load: { start: number[]; end: number[] }): void {
  const sizes = o.warmup > 0 ? `${o.warmup} warm-up + ${o.runs} runs` : `${o.runs} runs`
  console.log(`\n== ${o.scenario}${o.quick ? ' (quick)' : ''}: ${o.title}`)
  console.log(`   ${sizes}, ${(o.durationMs / 1000).toFixed(1)} s; load average ${load.start.join(' ')} -> ${load.end.join(' ')}`)
  if (o.metrics.some((m) => m.n > 0)) console.log(formatTable(metricRows(o.metrics)))
  for (const note of o.notes) console.log(`   note: ${note}`)
  const failed = o.checks.filter((c) => !c.ok)
  console.log(`   checks: ${o.checks.length - failed.length} passed, ${failed.length} failed`)
  for (const c of failed) console.log(`   FAILED CHECK ${c.name}${c.detail ? `: ${c.detail}` : ''}`)
  if (o.error) console.log(`   SCENARIO CRASHED: ${o.error}`)
}

/** Rounds for readable diffs; the raw samples stay. */
function tidy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000
  if (Array.isArray(value)) return value.map(tidy)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]))
  return value
}

/** Pretty JSON with each list of numbers on one line, so a diff shows what changed. */
function stringify(value: unknown): string {
  return JSON.stringify(tidy(value), null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, list: string) =>
    `[${list.split(/,\s*/).join(', ')}]`,
  )
}

export function writeResult(dir: string, result: ResultFile): string {
  const file = join(dir, `${result.date}-${result.scenario}.json`)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${stringify(result)}\n`)
  return file
}

/** The newest result file of each scenario in `dir`, as Markdown for BENCHMARKS.md. */
export function markdownFromResults(dir: string, scenarios: string[]): string {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.json$/.test(f)).sort() : []
  const out: string[] = []
  for (const name of scenarios) {
    const file = files.filter((f) => f.slice(11, -5) === name).pop()
    if (!file) continue
    const r = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ResultFile
    const sizes = r.warmup > 0 ? `${r.warmup} warm-up + ${r.runs} runs` : `${r.runs} runs`
    out.push(
      `### ${r.scenario}`,
      '',
      `${r.date}, ${sizes}, ${(r.durationMs / 1000).toFixed(0)} s; load average ${r.machine.loadAvgAtStart.join(' ')} at start, ${r.loadAvgAtEnd.join(' ')} at end; ` +
        `${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Chromium ${r.machine.chromium ?? '?'}; ` +
        `commit ${r.machine.git.commit ?? '?'}${r.machine.git.dirty ? ' + uncommitted changes' : ''}.`,
      '',
      markdownTable(metricRows(r.metrics)),
      '',
      ...r.notes.map((n) => `- ${n}`),
      `- checks: ${r.checks.filter((c) => c.ok).length} passed, ${r.checks.filter((c) => !c.ok).length} failed${r.error ? `; crashed: ${r.error.split('\n')[0]}` : ''}`,
      '',
    )
  }
  return out.join('\n')
}

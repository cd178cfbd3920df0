#!/usr/bin/env node
/**
 * `npm test`: every suite in order (unit and simulator conformance, build, static
 * checks of the build, Playwright e2e), then one line summing them all:
 * "N passed, N failed, N skipped". Exits non-zero if anything failed or a suite crashed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const reports = '.tmp/test-reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const bin = (name) => join('node_modules', '.bin', name)
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function vitestSuite(label, config) {
  const out = join(reports, `${label}.json`)
  const ok = run(label, bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${out}`])
  count(label, ok, out, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }))
}

function count(label, ok, file, read) {
  if (!existsSync(file)) {
    problems.push(`${label}: the runner crashed before reporting`)
    totals.failed += 1
    return
  }
  const c = read(JSON.parse(readFileSync(file, 'utf8')))
  totals.passed += c.passed
  totals.failed += c.failed
  totals.skipped += c.skipped
  if (!ok && c.failed === 0) {
    problems.push(`${label}: exited non-zero with no failed test (e.g. an error outside tests)`)
    totals.failed += 1
  }
}

vitestSuite('unit', 'vitest.config.ts')

if (!run('build', bin('electron-vite'), ['build'])) {
  problems.push('build: electron-vite build failed')
  totals.failed += 1
} else {
  vitestSuite('static', 'vitest.static.config.ts')
  const out = join(reports, 'e2e.json')
  const ok = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: out })
  count('e2e', ok, out, (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  }))
}

console.log('')
for (const p of problems) console.log(`problem: ${p}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)

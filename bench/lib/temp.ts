import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ScenarioContext } from './scenario'

const live = new Set<string>()
// An interrupted bench (Ctrl+C) must not leave seeded databases of hundreds of MB behind.
process.once('exit', () => {
  for (const dir of live) rmSync(dir, { recursive: true, force: true })
})

/** A temp directory removed when the scenario ends, or when the bench exits. */
export function tempDir(ctx: ScenarioContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mdesk-bench-${prefix}-`))
  live.add(dir)
  ctx.defer(() => {
    rmSync(dir, { recursive: true, force: true })
    live.delete(dir)
  })
  return dir
}

/** The model every scenario chats with; the renderer's default, so UI and core runs match. */
export const MODEL = 'mistral-small-latest'

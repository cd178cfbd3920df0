/** A fresh temp directory per test, removed afterwards (test-only helper). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function makeTempDir(prefix = 'mdesk-core-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

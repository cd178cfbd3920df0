/**
 * The core must run in plain Node: importing `electron` there throws, and so does
 * anything that imports it (electron-store included). This scans every file under
 * core/ so a stray import fails here rather than on a CI machine without Electron.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CORE_DIR = path.dirname(fileURLToPath(import.meta.url))
const SOURCE = /\.(c|m)?(t|j)sx?$/

// import x from '…', import '…', export … from '…', import('…'), require('…'), incl. subpaths like electron/main.
const FORBIDDEN =
  /(?:\bfrom\s*|\bimport\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"`](electron|electron-store)(?:\/[^'"`]*)?['"`]/

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full)
    return SOURCE.test(entry.name) ? [full] : []
  })
}

describe('core has no electron imports', () => {
  it('the detector catches every import form', () => {
    const q = "'"
    for (const line of [
      `import { app } from ${q}electron${q}`,
      `import Store from ${q}electron-store${q}`,
      `import ${q}electron${q}`,
      `const e = require(${q}electron${q})`,
      `await import(${q}electron/main${q})`,
      `export { x } from ${q}electron${q}`,
    ]) {
      expect(FORBIDDEN.test(line), line).toBe(true)
    }
    expect(FORBIDDEN.test(`import x from ${q}electron-vite${q}`)).toBe(false)
    expect(FORBIDDEN.test(`// the electron host`)).toBe(false)
  })

  it('no file under src/main/core imports electron or electron-store', () => {
    const files = sourceFiles(CORE_DIR)
    expect(files.length).toBeGreaterThan(10)
    const offenders = files.filter((file) => FORBIDDEN.test(fs.readFileSync(file, 'utf8')))
    expect(offenders.map((f) => path.relative(CORE_DIR, f))).toEqual([])
  })
})

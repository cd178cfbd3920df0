/**
 * Where the build puts things, for the static checks. They inspect `out/`, so they
 * run after `npm run build`; without it they fail saying so instead of passing vacuously.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const OUT = join(REPO_ROOT, 'out')
export const PRELOAD_BUNDLE = join(OUT, 'preload/index.cjs')
export const MAIN_BUNDLE = join(OUT, 'main/index.js')
export const WEB_BUNDLE = join(OUT, 'main/web.js')
export const RENDERER_INDEX = join(OUT, 'renderer/index.html')
export const STUB_REGISTER = join(REPO_ROOT, 'e2e/static/stubs/register.mjs')

export function requireBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`)
  return file
}

/** Reads `TAG {json}` marker lines printed by a child process. */
export function markers(output: string, tag: string): unknown[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(`${tag} `))
    .map((line) => JSON.parse(line.slice(tag.length + 1)) as unknown)
}

/**
 * Chromium for the benchmarks, with the e2e suite's flags. Debian's build where it is
 * installed (CI and machines with no browser download), else Playwright's own.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

export function systemChromium(): string | undefined {
  return process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = systemChromium()
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS })
}

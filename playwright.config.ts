import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * Debian's Chromium where it is installed (CI and machines with no browser download);
 * otherwise Playwright's own browser from `npx playwright install`.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium

export default defineConfig({
  testDir: './e2e',
  testMatch: ['*.spec.ts', 'electron/*.spec.ts'],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
})

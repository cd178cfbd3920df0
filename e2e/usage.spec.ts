/** Know what you spend: the Usage screen over the real core, SQLite and the simulator. */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from '../src/main/core/kernel/db/database'
import { parseCsv } from '../src/main/core/usage/csv'
import { test, expect, saveKey, sendMessage } from './fixtures/app'
import type { Page } from '@playwright/test'

interface LedgerRow {
  kind: string
  request_id: string | null
  cost_micro_usd: number | null
  estimated: number
}

function ledger(dataDir: string): LedgerRow[] {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT kind, request_id, cost_micro_usd, estimated FROM usage_ledger ORDER BY at, rowid').all() as LedgerRow[]
  } finally {
    db.close()
  }
}

async function chatOnce(page: Page, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, text)
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
}

const money = (micro: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: micro < 10_000 ? 6 : 2, maximumFractionDigits: micro < 10_000 ? 6 : 2 }).format(micro / 1e6)

async function waitForRows(dataDir: string, n: number) {
  await expect.poll(() => ledger(dataDir).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n)
}

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
})

test('chat and title calls appear on the Usage screen with their cost; the chart renders; CSV equals the ledger', async ({ page, dataDir }) => {
  await chatOnce(page, 'How much does this cost? [sim tokens=60]')
  await waitForRows(dataDir, 2) // the reply and the title call
  const rows = ledger(dataDir)
  expect(rows.map((r) => r.kind).sort()).toEqual(['chat', 'title'])
  const total = rows.reduce((s, r) => s + r.cost_micro_usd!, 0)
  await expect(page.locator('.chat__header').getByText(`Cost so far: ${money(total)}`)).toBeVisible()

  await page.getByRole('button', { name: 'Usage' }).click()
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible()
  await expect(page.getByText(money(total)).first()).toBeVisible()
  const chart = page.getByRole('img', { name: /Bar chart of daily spend/ })
  await expect(chart).toBeVisible()
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'By capability' })).toContainText('title')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const [header, ...lines] = parseCsv(readFileSync((await download.path())!, 'utf8'))
  expect(lines.map((l) => l[header!.indexOf('request_id')])).toEqual(rows.map((r) => r.request_id))
  expect(lines.map((l) => Math.round(Number(l[header!.indexOf('cost')]) * 1e6))).toEqual(rows.map((r) => r.cost_micro_usd))
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 calls.' })).toBeVisible()
})

test('a budget crossing fires its banner once, and not again after a restart', async ({ page, sim, dataDir, restartHost }) => {
  await page.getByRole('button', { name: 'Usage' }).click()
  await page.getByRole('textbox', { name: 'Monthly budget' }).fill('0.000002')
  await page.getByRole('button', { name: 'Save budget' }).click()
  await expect(page.getByText(/of \$0\.000002 spent/)).toBeVisible()

  await chatOnce(page, 'Spend a little [sim tokens=30]')
  await waitForRows(dataDir, 1)
  const alerts = page.getByRole('alert').filter({ hasText: 'Monthly budget' })
  // 50%, 80% and 100% fired together: one banner, at the highest.
  await expect(alerts.filter({ hasText: '100% reached' })).toBeVisible()
  await expect(alerts).toHaveCount(1)
  await alerts.getByRole('button', { name: /Dismiss/ }).click()
  await expect(alerts).toHaveCount(0)

  await restartHost()
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await chatOnce(page, 'Spend again [sim tokens=30]')
  await page.getByRole('button', { name: 'Usage' }).click()
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible()
  await page.waitForTimeout(500)
  await expect(page.getByRole('alert').filter({ hasText: 'Monthly budget' })).toHaveCount(0)
})

test('a hard stop blocks a send with a message naming the budget and how to raise it', async ({ page, dataDir }) => {
  await chatOnce(page, 'First [sim tokens=30]')
  await waitForRows(dataDir, 1)
  await page.getByRole('button', { name: 'Usage' }).click()
  await page.getByRole('textbox', { name: 'Monthly budget' }).fill('0.000001')
  await page.getByRole('checkbox', { name: 'Hard stop at 100%' }).check()
  await page.getByRole('button', { name: 'Save budget' }).click()
  await expect(page.getByText(/of \$0\.000001 spent/)).toBeVisible()

  await page.getByRole('button', { name: 'New chat' }).click()
  const before = ledger(dataDir).length
  await sendMessage(page, 'Blocked?')
  await expect(page.getByRole('alert').filter({ hasText: /Monthly budget reached: .* hard stop\. Raise the monthly budget/ })).toBeVisible()
  expect(ledger(dataDir).length).toBe(before)
})

test('a stopped stream records an estimated row where no usage came', async ({ page, dataDir }) => {
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'A long story please [sim tokens=600 rate=40]')
  await expect(page.getByRole('article').filter({ hasText: 'Echo:' })).toBeVisible()
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect.poll(() => ledger(dataDir).filter((r) => r.kind === 'chat')).toMatchObject([{ estimated: 1 }])
  await page.getByRole('button', { name: 'Usage' }).click()
  await expect(page.getByRole('table', { name: 'Most expensive calls' })).toContainText('(estimated)')
})

/**
 * Replies beyond plain text, through the real core and SQLite: a reasoning model's
 * thinking (open while it streams, collapsed once the answer starts, kept on reload),
 * an unknown chunk type shown as "unsupported content", and a 429 retried
 * automatically with its countdown.
 */
import { test, expect, saveKey, sendMessage, chooseModel } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

const log = (page: import('@playwright/test').Page) => page.getByRole('log', { name: 'Messages' })

test('thinking streams open, collapses when the answer starts, and is kept after a reload', async ({ page }) => {
  await chooseModel(page, 'magistral-small-2509')
  // Slow enough to watch the thinking before the answer.
  await sendMessage(page, 'Why is the sky blue? [sim rate=8]')
  const toggle = log(page).getByRole('button', { name: /^Thinking/ })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(log(page).getByRole('region', { name: 'Thinking' })).toContainText('The user asks about')
  // The answer (echo style in tests) starts: the thinking folds away.
  await expect(log(page)).toContainText('Echo: Why is the sky blue?', { timeout: 20_000 })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(log(page).getByRole('region', { name: 'Thinking' })).toBeHidden()
  await page.getByRole('button', { name: 'Stop', exact: true }).click().catch(() => undefined)

  await page.reload()
  const again = log(page).getByRole('button', { name: 'Thinking' })
  await expect(again).toHaveAttribute('aria-expanded', 'false')
  await again.click()
  await expect(log(page).getByRole('region', { name: 'Thinking' })).toContainText('The user asks about "Why is the sky blue"')
})

test('an unknown chunk type is shown as unsupported content, and the reply still renders', async ({ page }) => {
  await sendMessage(page, 'Hello [sim chunk=hologram tokens=6]')
  await expect(log(page)).toContainText('Echo: Hello')
  await expect(log(page).getByRole('note')).toHaveText('Unsupported content: hologram')
})

test('a 429 shows "Retrying in N s" with Cancel, then the reply arrives by itself', async ({ page, sim }) => {
  sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 3 })
  await sendMessage(page, 'Are you there?')
  const wait = log(page).getByRole('status').filter({ hasText: /Retrying in \d s/ })
  await expect(wait).toBeVisible()
  await expect(wait.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await expect(log(page)).toContainText('Echo: Are you there?')
  await expect(wait).toHaveCount(0)
})

test('Cancel during the retry wait stops the reply', async ({ page, sim }) => {
  sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 5 })
  await sendMessage(page, 'Never mind')
  await log(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(log(page)).toContainText('Stopped')
})

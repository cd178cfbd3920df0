import { test, expect, saveKey, sendMessage } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

test('a reply streams in and the composer keeps focus', async ({ page }) => {
  await sendMessage(page, 'Hello Mistral, what can you do?')
  const log = page.getByRole('log', { name: 'Messages' })
  await expect(log).toContainText('Echo: Hello Mistral, what can you do?')
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
  await expect(page.getByRole('navigation').getByText('Hello Mistral')).toBeVisible()
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/chat.png' })
})

test('Stop keeps the partial reply and marks it stopped, also after a reload', async ({ page }) => {
  await sendMessage(page, 'Tell me a long story [sim tokens=600 rate=40]')
  const reply = page.getByRole('article').filter({ hasText: 'Echo:' })
  await expect(reply).toContainText('Echo: Tell me a long story')
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(reply).toContainText('Stopped')
  const partial = (await reply.innerText()).trim()
  await page.waitForTimeout(500)
  expect((await reply.innerText()).trim()).toBe(partial)

  await page.reload()
  await page.getByRole('navigation').getByText('Tell me a long story').click()
  const reloaded = page.getByRole('article').filter({ hasText: 'Echo:' })
  await expect(reloaded).toContainText('Stopped')
  await expect(reloaded).toContainText('Echo: Tell me a long story')
})

test('Esc stops a streaming reply', async ({ page }) => {
  await sendMessage(page, 'Another long one [sim tokens=600 rate=40]')
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible()
  await expect(page.getByRole('article').filter({ hasText: 'Echo:' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('article').filter({ hasText: 'Echo:' })).toContainText('Stopped')
})

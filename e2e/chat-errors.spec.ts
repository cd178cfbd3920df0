import { test, expect, saveKey, sendMessage } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

test('a 429 is retried automatically and the reply arrives without a click', async ({ page, sim }) => {
  sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1 })
  await sendMessage(page, 'Are you busy?')
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Are you busy?')
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a 429 that outlasts the automatic retries shows a clear message, and Retry gets the reply', async ({ page, sim }) => {
  // The first attempt and the three automatic retries (reply-stream.ts, retry-policy.ts).
  sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 4 })
  await sendMessage(page, 'Are you busy?')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(/rate limit/i)
  await expect(alert).toContainText(/1 s/)
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Are you busy?')
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a server error that outlasts the automatic retries can be retried', async ({ page, sim }) => {
  sim.injectFault({ kind: 'status', status: 503, times: 4 })
  await sendMessage(page, 'Hello?')
  await expect(page.getByRole('alert')).toBeVisible()
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Hello?')
})

test('a dropped stream keeps the partial text and offers a retry', async ({ page, sim }) => {
  sim.injectFault({ kind: 'cut', afterChunks: 5 })
  await sendMessage(page, 'Stay with me [sim tokens=50]')
  await expect(page.getByRole('alert')).toContainText(/connection/i)
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Stay')
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Stay with me')
})

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
  // One countdown at most, on the button: never a second "Retry in" / "Try again in" line that disagrees.
  expect(((await alert.innerText()).match(/in \d+ s/g) ?? []).length).toBeLessThanOrEqual(1)
  // Retry waits out the Retry-After (the button is disabled until then).
  await page.getByRole('button', { name: 'Retry', exact: true }).click()
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

test('a dropped stream says the reply was interrupted, keeps the partial text and can be continued', async ({ page, sim }) => {
  sim.injectFault({ kind: 'cut', afterChunks: 5 })
  await sendMessage(page, 'Keep going [sim tokens=50]')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The reply was interrupted before it finished')
  await expect(alert).not.toContainText(/reach Mistral|internet/i)
  const log = page.getByRole('log', { name: 'Messages' })
  const partial = (await log.getByRole('article', { name: 'Mistral' }).locator('.message__body').innerText()).trim()
  await alert.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(log.getByRole('article', { name: 'Mistral' })).toHaveCount(1)
  const body = async () => (await log.getByRole('article', { name: 'Mistral' }).locator('.message__body').innerText()).trim()
  await expect.poll(async () => (await body()).length).toBeGreaterThan(partial.length)
  expect((await body()).startsWith(partial.slice(0, 15))).toBe(true)
})

test('a dropped stream keeps the partial text and offers a retry', async ({ page, sim }) => {
  sim.injectFault({ kind: 'cut', afterChunks: 5 })
  await sendMessage(page, 'Stay with me [sim tokens=50]')
  await expect(page.getByRole('alert')).toContainText(/interrupted/i)
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Stay')
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Stay with me')
})

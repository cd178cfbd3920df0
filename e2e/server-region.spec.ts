/** Settings → API server: a custom URL really receives the next reply; a non-http URL is refused. */
import { startSimulator } from './mistral-sim/server'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

test('a server switch reaches the chosen server, and a bad URL is refused', async ({ page, sim }) => {
  const other = await startSimulator({ key: sim.key, replyStyle: 'echo' })
  try {
    await saveKey(page, sim.key)
    await expect(page.getByText(/Key saved/)).toBeVisible()
    const section = page.getByRole('region', { name: 'API server' })
    await expect(section.getByRole('radio', { name: /Default/ })).toBeChecked()
    await section.getByRole('radio', { name: 'Custom URL' }).check()
    await section.getByLabel('Custom server URL').fill('ftp://nope')
    await section.getByRole('button', { name: 'Save server' }).click()
    await expect(section.getByRole('alert')).toContainText(/https:\/\/ or http:\/\//)
    await section.getByLabel('Custom server URL').fill(other.url)
    await section.getByRole('button', { name: 'Save server' }).click()
    await expect(section.getByRole('status')).toContainText(`Requests now go to ${other.url}`)

    await page.getByRole('button', { name: 'New chat' }).click()
    await sendMessage(page, 'Which server? [sim tokens=4]')
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Which server?')
    expect(other.requests.filter((r) => r.path === '/v1/chat/completions').length).toBeGreaterThan(0)
    const before = sim.requests.filter((r) => r.path === '/v1/chat/completions').length
    expect(before).toBe(0)
  } finally {
    await other.close()
  }
})

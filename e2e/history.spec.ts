import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('conversations survive a restart of the host, and the key is nowhere on disk', async ({
  page,
  sim,
  dataDir,
  host,
  restartHost,
}) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'First conversation')
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: First conversation')
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'Second conversation')
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Second conversation')
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0)

  const firstOutput = host.output()
  const restarted = await restartHost()

  const sidebar = page.getByRole('navigation')
  await expect(sidebar.getByText('First conversation')).toBeVisible()
  await expect(sidebar.getByText('Second conversation')).toBeVisible()
  await sidebar.getByText('First conversation').click()
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: First conversation')

  for (const file of filesUnder(dataDir)) {
    expect(readFileSync(file).includes(sim.key), `${file} contains the API key`).toBe(false)
  }
  expect(firstOutput + restarted.output()).not.toContain(sim.key)
  expect(sim.requests.map((r) => JSON.stringify(r)).join('\n')).not.toContain(sim.key)
})

import type { Page } from '@playwright/test'
import { test, expect, saveKey } from './fixtures/app'

async function openModels(page: Page, key: string): Promise<void> {
  await saveKey(page, key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'Models', exact: true }).click()
}

test('the Models screen shows capability badges, prices and a deprecated model with its replacement', async ({ page, sim }) => {
  await openModels(page, sim.key)
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible()
  const small = page.getByRole('row', { name: 'mistral-small-2603' })
  await expect(small.getByRole('list', { name: 'Capabilities of mistral-small-2603' }).getByRole('listitem')).toHaveText(['Chat', 'Tools', 'Vision', 'Fine-tuning'])
  await expect(small).toContainText('$0.15 · $0.6')
  await expect(small).toContainText('mistral-small-latest')
  await expect(page.getByRole('row', { name: 'mistral-large-2411' })).toContainText('Deprecated · retires 2027-03-31 · use mistral-large-latest')

  await page.getByRole('combobox', { name: 'Capability' }).selectOption('embeddings')
  await expect(page.getByRole('row', { name: 'mistral-embed' })).toBeVisible()
  await expect(page.getByRole('row', { name: 'mistral-small-2603' })).toHaveCount(0)
})

test('a fine-tuned model is listed with its base model and can be archived and deleted after confirmation', async ({ page, sim }) => {
  const res = await fetch(`${sim.url}/v1/fine_tuning/jobs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'ministral-8b-latest', training_files: [{ file_id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }], hyperparameters: { training_steps: 5 }, suffix: 'e2e' }),
  })
  expect(res.status).toBe(200)
  sim.advance(300)
  await openModels(page, sim.key)
  await page.getByRole('button', { name: 'Refresh' }).click()
  const row = page.getByRole('row', { name: /^ft:ministral-8b-latest:e2e:/ })
  await expect(row).toContainText('Fine-tuned from ministral-8b-latest')
  await row.getByRole('button', { name: /^Archive / }).click()
  await row.getByRole('button', { name: 'Confirm' }).click()
  await expect(row).toContainText('archived')
  await row.getByRole('button', { name: /^Delete / }).click()
  await expect(row).toContainText('This cannot be undone.')
  await row.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('row', { name: /^ft:ministral-8b-latest:e2e:/ })).toHaveCount(0)
})

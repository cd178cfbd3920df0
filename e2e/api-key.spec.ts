import { test, expect, saveKey } from './fixtures/app'

test('a wrong key is refused with a clear message and nothing is saved', async ({ page }) => {
  await saveKey(page, 'not-the-right-key-123')
  await expect(page.getByRole('alert')).toContainText(/rejected this API key/i)
  await expect(page.getByText(/Key saved/)).toHaveCount(0)
})

test('a valid key is accepted, shown only by its last four characters, and can be removed', async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(`Key saved · ending in ${sim.key.slice(-4)}`)).toBeVisible()
  // The renderer never holds the key: not in the field, the DOM or storage.
  await expect(page.getByRole('textbox', { name: 'Mistral API key' })).toHaveValue('')
  const pageState = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  expect(pageState).not.toContain(sim.key)

  const dialog = page.getByRole('dialog', { name: 'Remove the API key?' })
  await page.getByRole('button', { name: 'Remove key' }).click()
  // Mistral shows a key once: removing it asks first, and Enter would keep it.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Key saved/)).toBeVisible()

  await page.getByRole('button', { name: 'Remove key' }).click()
  await dialog.getByRole('button', { name: 'Remove key' }).click()
  await expect(page.getByText(/Key saved/)).toHaveCount(0)
})

test('"Add API key" focuses the field, and a good key offers "Start chatting"', async ({ page, sim }) => {
  await page.getByRole('button', { name: 'Add API key' }).press('Enter')
  const field = page.getByRole('textbox', { name: 'Mistral API key' })
  await expect(field).toBeFocused()
  await field.fill(sim.key)
  await field.press('Enter')
  await page.getByRole('button', { name: 'Start chatting' }).click()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
  await expect(page).toHaveURL(/#\/chat$/)
})

test('without a key the chat says what to do next', async ({ page }) => {
  await expect(page.getByText('Add your Mistral API key to start')).toBeVisible()
})

/**
 * The model picker: a searchable combobox. Arrows move without switching the model, Enter
 * picks, Esc keeps the model as it was; deprecated models hide behind a toggle; speech-only
 * and embedding models never show; the model picked last comes first next time.
 */
import { test, expect, saveKey, sendMessage } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await page.getByRole('button', { name: 'New chat' }).click()
})

test('search, arrows and Enter pick a model by its friendly name; Esc keeps the old one', async ({ page, sim }) => {
  const picker = page.getByRole('combobox', { name: 'Model' })
  const list = page.getByRole('listbox', { name: 'Models' })
  await expect(picker).toHaveValue('Mistral Small 4')

  await picker.click()
  await expect(picker).toHaveAttribute('aria-expanded', 'true')
  await picker.press('ArrowDown')
  // Moving through the list does not switch the model until Enter.
  await picker.press('Escape')
  await expect(list).toBeHidden()
  await expect(picker).toHaveValue('Mistral Small 4')

  await picker.click()
  await picker.pressSequentially('codestral')
  const options = list.getByRole('option')
  await expect(options.first()).toContainText('Codestral')
  for (const text of await options.allTextContents()) expect(text.toLowerCase()).toContain('codestral')
  await picker.press('ArrowDown')
  const active = await picker.getAttribute('aria-activedescendant')
  expect(active).toBeTruthy()
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('role', 'option')
  await picker.press('Enter')
  await expect(list).toBeHidden()
  await expect(picker).toHaveValue(/Codestral/)

  await sendMessage(page, 'Which model are you?')
  await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Echo: Which model are you?')
  const sentModels = () =>
    sim.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => (r.body as { model?: string }).model)
  await expect.poll(sentModels).toContainEqual(expect.stringMatching(/^codestral-/))

  // The model picked last is offered first.
  await picker.click()
  await expect(list.getByRole('group', { name: 'Recent' }).getByRole('option').first()).toContainText('Codestral')
})

test('deprecated models hide behind a toggle and are marked; speech-only models never show', async ({ page }) => {
  const picker = page.getByRole('combobox', { name: 'Model' })
  const list = page.getByRole('listbox', { name: 'Models' })
  await picker.click()
  await expect(list.getByRole('option').first()).toBeVisible()
  await expect(list.getByText('deprecated')).toHaveCount(0)
  await expect(list.getByRole('option', { name: /Transcribe|Embed|Moderation/ })).toHaveCount(0)
  const before = await list.getByRole('option').count()

  await page.getByRole('checkbox', { name: 'Show deprecated models' }).check()
  await expect(list.getByText('· deprecated').first()).toBeVisible()
  expect(await list.getByRole('option').count()).toBeGreaterThan(before)
  await expect(list.getByRole('option', { name: /Transcribe|Embed|Moderation/ })).toHaveCount(0)
})

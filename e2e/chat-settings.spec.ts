/**
 * Per-conversation settings, presets, the context window, titles, search and the keyboard:
 * what the user sets must be exactly what reaches the API.
 */
import type { Page } from '@playwright/test'
import type { RecordedRequest } from './mistral-sim/server'
import { test, expect, saveKey, sendMessage, chooseModel } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

interface ChatBody {
  model: string
  messages: { role: string; content: string }[]
  [field: string]: unknown
}

const log = (page: Page) => page.getByRole('log', { name: 'Messages' })
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' })
const panel = (page: Page) => page.getByRole('region', { name: 'Conversation settings', exact: true })

/** Streamed chat requests only: the automatic title is a separate, non-streamed call. */
function chatRequests(requests: RecordedRequest[]): ChatBody[] {
  return requests
    .filter((r) => r.path === '/v1/chat/completions' && (r.body as { stream?: boolean } | null)?.stream === true)
    .map((r) => r.body as ChatBody)
}

async function replyFinished(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
  await expect(log(page).locator('[aria-busy="true"]')).toHaveCount(0)
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
  await expect(panel(page)).toBeVisible()
  return panel(page)
}

test('the settings of a new chat and later changes reach the request, and nothing else does', async ({ page, sim }) => {
  const settings = await openSettings(page)
  await settings.getByLabel('System prompt').fill('Be brief')
  // Out of range first: the form says so and saves nothing.
  await settings.getByLabel('Temperature').fill('2')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByText('Temperature must be a number from 0 to 1.5.')).toBeVisible()
  await expect(settings.getByLabel('Temperature')).toHaveAttribute('aria-invalid', 'true')

  await settings.getByLabel('Temperature').fill('0.3')
  await settings.getByLabel('Top P').fill('0.9')
  await settings.getByLabel('Max tokens').fill('50')
  await settings.getByLabel('Random seed').fill('7')
  await settings.getByLabel('Stop sequences').fill('END')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByText('Temperature must be')).toHaveCount(0)
  await expect(settings.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()

  await sendMessage(page, 'Hello with settings')
  await expect(log(page)).toContainText('Echo: Hello with settings')
  await replyFinished(page)
  const first = chatRequests(sim.requests).at(-1)
  expect(first).toMatchObject({ temperature: 0.3, top_p: 0.9, max_tokens: 50, random_seed: 7, stop: ['END'] })
  expect(first?.messages[0]).toEqual({ role: 'system', content: 'Be brief' })
  expect(Object.keys(first ?? {}).sort()).toEqual(
    ['max_tokens', 'messages', 'model', 'random_seed', 'stop', 'stream', 'temperature', 'top_p'].sort(),
  )

  // The saved conversation keeps them; a change applies from the next message on.
  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: /Hello with settings/ }).first().click()
  await expect(log(page)).toContainText('Echo: Hello with settings')
  const reopened = await openSettings(page)
  await expect(reopened.getByLabel('System prompt')).toHaveValue('Be brief')
  await expect(reopened.getByLabel('Top P')).toHaveValue('0.9')
  await reopened.getByLabel('Temperature').fill('')
  await reopened.getByLabel('Max tokens').fill('')
  await reopened.getByLabel('Frequency penalty').fill('0.5')
  await reopened.getByLabel('Safe prompt').check()
  await reopened.getByRole('button', { name: 'Save settings' }).click()
  await expect(reopened.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
  await sendMessage(page, 'And a second one')
  await expect(log(page)).toContainText('Echo: And a second one')
  await replyFinished(page)
  const second = chatRequests(sim.requests).at(-1)
  expect(second).toMatchObject({ top_p: 0.9, random_seed: 7, stop: ['END'], frequency_penalty: 0.5, safe_prompt: true })
  expect(second).not.toHaveProperty('temperature')
  expect(second).not.toHaveProperty('max_tokens')
})

test('a thread longer than the context window is held back until the user allows trimming', async ({ page, sim }) => {
  // voxtral-small has the smallest window of the simulated chat models: 32k tokens.
  await chooseModel(page, 'voxtral-small-2507')
  const meter = page.getByRole('meter', { name: 'Context used' })
  await expect(meter).toContainText('/ 32,768 tokens')

  const half = (word: string) => `${word} `.repeat(60_000 / (word.length + 1))
  await composer(page).fill(half('alpha'))
  await expect(meter).toContainText(/~17,\d{3} \/ 32,768 tokens/)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(log(page)).toContainText('Echo: alpha alpha')
  await replyFinished(page)
  const sent = chatRequests(sim.requests).length

  await composer(page).fill(half('bravo'))
  await page.getByRole('button', { name: 'Send' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText("This conversation is longer than the model's context window")
  expect(chatRequests(sim.requests)).toHaveLength(sent)
  await expect(composer(page)).toHaveValue(/^bravo/)

  await alert.getByRole('button', { name: 'Trim oldest turns and send' }).click()
  await expect(log(page)).toContainText('Echo: bravo bravo')
  await replyFinished(page)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(composer(page)).toHaveValue('')
  await expect(composer(page)).toBeFocused()
  const trimmed = chatRequests(sim.requests).at(-1)
  expect(trimmed?.messages).toHaveLength(1)
  expect(trimmed?.messages[0]?.content.startsWith('bravo')).toBe(true)
})

test('a preset starts a new chat with its model, system prompt and parameters', async ({ page, sim }) => {
  await chooseModel(page, 'ministral-8b-2512')
  const settings = await openSettings(page)
  await settings.getByLabel('System prompt').fill('Answer like a pirate')
  await settings.getByLabel('Temperature').fill('0.2')
  await settings.getByLabel('Preset name').fill('Pirate')
  await settings.getByRole('button', { name: 'Save as preset' }).click()
  await expect(settings.getByText('Saved preset “Pirate”.')).toBeVisible()
  await page.keyboard.press('Escape')

  await chooseModel(page, 'mistral-large-2512')
  const sidebar = page.getByRole('navigation')
  await sidebar.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Pirate' })
  await sidebar.getByRole('button', { name: 'New chat from preset' }).click()
  // The picker shows the model's name; the request below carries its id.
  await expect(page.getByLabel('Model')).toHaveValue('Ministral 3 8B')
  await expect(composer(page)).toBeFocused()

  await sendMessage(page, 'Ahoy there')
  await expect(log(page)).toContainText('Echo: Ahoy there')
  await replyFinished(page)
  const body = chatRequests(sim.requests).at(-1)
  expect(body).toMatchObject({ model: 'ministral-8b-2512', temperature: 0.2 })
  expect(body?.messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate' })

  await sidebar.getByRole('button', { name: 'Delete preset' }).click()
  await sidebar.getByRole('button', { name: 'Yes, delete preset' }).click()
  await expect(sidebar.getByRole('combobox', { name: 'Preset' })).toHaveCount(0)
})

test('search finds a conversation by a word of its text, and the sidebar gets the automatic title', async ({ page }) => {
  await sendMessage(page, 'Tell me about a periwinkle garden')
  await expect(log(page)).toContainText('Echo: Tell me about a periwinkle garden')
  await replyFinished(page)
  const sidebar = page.getByRole('navigation')
  // The title the model gave arrives with conversations.changed (the simulator echoes the title request).
  await expect(sidebar.getByRole('button', { name: /^Echo/ }).first()).toBeVisible()

  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'Something else entirely')
  await replyFinished(page)

  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill('periwinkle')
  // Two matching messages (the question and its echo), listed under their one conversation.
  const results = sidebar.getByRole('list', { name: 'Search results' })
  await expect(results.getByRole('list', { name: /^Matches in/ })).toHaveCount(1)
  const hit = results.getByRole('list', { name: /^Matches in/ }).getByRole('button')
  await expect(hit).toHaveCount(2)
  await expect(hit.first().locator('mark')).toHaveText(/periwinkle/i)
  await hit.first().click()
  await expect(log(page)).toContainText('Echo: Tell me about a periwinkle garden')

  await search.press('Escape')
  await expect(search).toHaveValue('')
  await expect(sidebar.getByRole('list', { name: 'Search results' })).toHaveCount(0)

  await search.fill('entirely')
  await expect(sidebar.getByRole('list', { name: 'Search results' }).getByRole('list', { name: /^Matches in/ })).toHaveCount(1)
  await search.press('Enter')
  await expect(log(page)).toContainText('Echo: Something else entirely')
})

test('keyboard: Ctrl+K searches, Ctrl+N starts a chat, Esc closes panels, focus stays in the composer', async ({ page }) => {
  await composer(page).fill('Typed and sent with Enter')
  await composer(page).press('Enter')
  await expect(log(page)).toContainText('Echo: Typed and sent with Enter')
  await replyFinished(page)
  await expect(composer(page)).toBeFocused()

  await page.keyboard.press('Control+k')
  await expect(page.getByRole('textbox', { name: 'Search conversations' })).toBeFocused()

  await page.keyboard.press('Control+n')
  await expect(page.getByRole('heading', { name: 'New chat' })).toBeVisible()
  await expect(composer(page)).toBeFocused()
  await expect(log(page).getByRole('article')).toHaveCount(0)

  await composer(page).fill('Line one')
  await composer(page).press('Shift+Enter')
  await composer(page).pressSequentially('line two')
  await expect(composer(page)).toHaveValue('Line one\nline two')

  await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
  await expect(panel(page)).toBeVisible()
  await composer(page).focus()
  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Conversation settings', exact: true })).toBeFocused()
})

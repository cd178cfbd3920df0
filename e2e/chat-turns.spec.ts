/**
 * Controlling each turn: edit a sent message and browse its versions, regenerate a reply,
 * continue one cut at max tokens, copy and delete messages.
 */
import type { Page } from '@playwright/test'
import type { RecordedRequest } from './mistral-sim/server'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

const log = (page: Page) => page.getByRole('log', { name: 'Messages' })
const yours = (page: Page) => log(page).getByRole('article', { name: 'You', exact: true })
const replies = (page: Page) => log(page).getByRole('article', { name: 'Mistral', exact: true })
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' })

async function replyFinished(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
  await expect(log(page).locator('[aria-busy="true"]')).toHaveCount(0)
}

/** Streamed chat requests only: the automatic title is a separate, non-streamed call. */
function chatRequests(requests: RecordedRequest[]) {
  return requests
    .filter((r) => r.path === '/v1/chat/completions' && (r.body as { stream?: boolean } | null)?.stream === true)
    .map((r) => r.body as { messages: { role: string; content: string; prefix?: boolean }[]; max_tokens?: number })
}

test('editing a sent message keeps the earlier version, browsable with its reply', async ({ page, sim }) => {
  await sendMessage(page, 'First question about rivers')
  await expect(log(page)).toContainText('Echo: First question about rivers')
  await replyFinished(page)

  await yours(page).hover()
  await yours(page).getByRole('button', { name: 'Edit', exact: true }).click()
  const editor = page.getByRole('textbox', { name: 'Edit message' })
  await expect(editor).toBeFocused()
  await editor.fill('Second question about lakes')
  await page.getByRole('button', { name: 'Save and send' }).click()

  await expect(log(page)).toContainText('Echo: Second question about lakes')
  await replyFinished(page)
  await expect(composer(page)).toBeFocused()
  await expect(yours(page)).toContainText('2 / 2')
  await expect(log(page)).not.toContainText('Echo: First question')
  const last = chatRequests(sim.requests).at(-1)
  expect(last?.messages.map((m) => m.content)).toEqual(['Second question about lakes'])

  await yours(page).getByRole('button', { name: 'Previous version' }).click()
  await expect(yours(page)).toContainText('First question about rivers')
  await expect(yours(page)).toContainText('1 / 2')
  await expect(log(page)).toContainText('Echo: First question about rivers')
  await expect(log(page)).not.toContainText('Second question about lakes')
  // Focus moves to the arrow that can still be used, on the version now shown.
  await expect(yours(page).getByRole('button', { name: 'Next version' })).toBeFocused()

  await yours(page).getByRole('button', { name: 'Next version' }).click()
  await expect(yours(page)).toContainText('Second question about lakes')
  await expect(log(page)).toContainText('Echo: Second question about lakes')

  // The version shown is what main keeps: it survives a reload.
  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: /question about/ }).first().click()
  await expect(yours(page)).toContainText('Second question about lakes')
  await expect(yours(page)).toContainText('2 / 2')
})

test('Esc cancels an edit and gives focus back to Edit', async ({ page }) => {
  await sendMessage(page, 'Keep me as I am')
  await replyFinished(page)
  await yours(page).hover()
  await yours(page).getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByRole('textbox', { name: 'Edit message' }).fill('Changed my mind')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveCount(0)
  await expect(yours(page)).toContainText('Keep me as I am')
  await expect(yours(page).getByRole('button', { name: 'Edit', exact: true })).toBeFocused()
})

test('regenerating a reply adds a version beside the first one', async ({ page, sim }) => {
  await sendMessage(page, 'Tell me about the sea')
  await expect(log(page)).toContainText('Echo: Tell me about the sea')
  await replyFinished(page)
  const before = chatRequests(sim.requests).length

  await replies(page).hover()
  await replies(page).getByRole('button', { name: 'Regenerate' }).click()
  await expect(composer(page)).toBeFocused()
  await expect(replies(page)).toContainText('2 / 2')
  await expect(replies(page)).toContainText('Echo: Tell me about the sea')
  await replyFinished(page)
  expect(chatRequests(sim.requests)).toHaveLength(before + 1)
  expect(chatRequests(sim.requests).at(-1)?.messages.map((m) => m.content)).toEqual(['Tell me about the sea'])

  await replies(page).getByRole('button', { name: 'Previous version' }).click()
  await expect(replies(page)).toContainText('1 / 2')
  await expect(yours(page)).toHaveCount(1)
})

test('a reply cut at max tokens can be continued in place', async ({ page, sim }) => {
  await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Conversation settings', exact: true })
  await panel.getByLabel('Max tokens').fill('5')
  await panel.getByRole('button', { name: 'Save settings' }).click()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  // Visible before any reply stops short.
  await expect(page.getByRole('list', { name: 'Active settings' })).toHaveText('Max tokens 5')

  await sendMessage(page, 'Write a long answer please')
  await expect(replies(page)).toContainText('Reply cut at your 5-token limit — Continue or raise it')
  await replyFinished(page)
  const cut = (await replies(page).locator('.message__body').innerText()).trim()
  expect(chatRequests(sim.requests).at(-1)?.max_tokens).toBe(5)

  await replies(page).getByRole('button', { name: 'Continue' }).click()
  await replyFinished(page)
  await expect(replies(page)).toHaveCount(1)
  await expect.poll(async () => (await replies(page).locator('.message__body').innerText()).trim().length).toBeGreaterThan(cut.length)
  expect((await replies(page).locator('.message__body').innerText()).trim().startsWith(cut)).toBe(true)
  const last = chatRequests(sim.requests).at(-1)
  expect(last?.messages.at(-1)).toMatchObject({ role: 'assistant', prefix: true })
  expect(last?.messages.at(-1)?.content.trim()).toBe(cut)
  await expect(composer(page)).toBeFocused()
})

test('a message can be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await sendMessage(page, 'Copy this reply')
  await expect(log(page)).toContainText('Echo: Copy this reply')
  await replyFinished(page)
  await replies(page).hover()
  await replies(page).getByRole('button', { name: 'Copy message' }).click()
  await expect(replies(page).getByRole('status')).toHaveText('Copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.startsWith('Echo: Copy this reply')).toBe(true)
})

test('deleting a message asks in a dialog that starts on Cancel, Esc cancels, and Undo brings it back', async ({ page }) => {
  await sendMessage(page, 'Remove the reply to this')
  await expect(log(page)).toContainText('Echo: Remove the reply to this')
  await replyFinished(page)

  const dialog = page.getByRole('dialog', { name: 'Delete this message?' })
  await replies(page).hover()
  await replies(page).getByRole('button', { name: 'Delete message' }).click()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(replies(page)).toHaveCount(1)

  await replies(page).hover()
  await replies(page).getByRole('button', { name: 'Delete message' }).click()
  await dialog.getByRole('button', { name: 'Yes, delete message' }).click()
  await expect(replies(page)).toHaveCount(0)
  await expect(composer(page)).toBeFocused()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(replies(page)).toHaveCount(1)
  await expect(replies(page)).toContainText('Echo: Remove the reply to this')
})

test('a deleted message stays deleted once its Undo has passed', async ({ page }) => {
  await sendMessage(page, 'Remove the reply to this')
  await expect(log(page)).toContainText('Echo: Remove the reply to this')
  await replyFinished(page)

  await replies(page).hover()
  await replies(page).getByRole('button', { name: 'Delete message' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, delete message' }).click()
  await expect(replies(page)).toHaveCount(0)
  // Closing the toast gives up the Undo: the delete happens now, as when it times out.
  await page.getByRole('button', { name: 'Close: Message deleted' }).click()
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  await expect(yours(page)).toContainText('Remove the reply to this')

  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: /Remove the reply/ }).first().click()
  await expect(yours(page)).toContainText('Remove the reply to this')
  await expect(replies(page)).toHaveCount(0)
})

/** Picks the n-th model the picker lists; returns the name it shows and the id it sends. */
async function pickModel(page: Page, n: number): Promise<{ name: string; id: string }> {
  await page.getByRole('combobox', { name: 'Model' }).click()
  const option = page.getByRole('listbox', { name: 'Models' }).getByRole('option').nth(n)
  const id = ((await option.getAttribute('id')) ?? '').replace(/^model-option-/, '')
  const name = (await option.locator('.model-option__name').textContent()) ?? ''
  await option.click()
  return { name, id }
}

test('opening a conversation brings back the model it was using', async ({ page, sim }) => {
  const picker = page.getByRole('combobox', { name: 'Model' })
  const first = await pickModel(page, 1)
  await sendMessage(page, 'A question for the first model')
  await replyFinished(page)

  await page.getByRole('button', { name: 'New chat' }).click()
  const second = await pickModel(page, 3)
  expect(second.id).not.toBe(first.id)
  await expect(picker).toHaveValue(second.name)
  await sendMessage(page, 'A question for the second model')
  await replyFinished(page)

  await page.getByRole('navigation').getByText('A question for the first model').first().click()
  await expect(yours(page)).toContainText('A question for the first model')
  await expect(picker).toHaveValue(first.name)
  await sendMessage(page, 'And a follow-up')
  // replyFinished alone can pass before the send has started; wait for the request itself.
  await expect.poll(() => chatRequests(sim.requests).at(-1)?.messages.at(-1)?.content).toBe('And a follow-up')
  await replyFinished(page)
  const followUp = chatRequests(sim.requests).at(-1) as { model?: string; messages: { content: string }[] }
  expect(followUp.model).toBe(first.id)
})

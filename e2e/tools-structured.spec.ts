/**
 * Function calling and structured output from the conversation settings panel, through
 * the real core and SQLite: a manual tool round trip (the call shown with its arguments,
 * the result typed in, the answer streamed) and strict json_schema answers, valid and not.
 */
import { test, expect, saveKey, sendMessage } from './fixtures/app'
import type { Page } from '@playwright/test'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
  await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
})

const log = (page: Page) => page.getByRole('log', { name: 'Messages' })

test('a manual tool round trip: define a tool, see the call, answer it, get the reply', async ({ page, sim }) => {
  await page.getByRole('button', { name: 'Add tool' }).click()
  await page.getByLabel('Tool name').fill('get_weather')
  await page.getByLabel('Tool description').fill('Current weather in a city')
  const params = page.getByLabel('Parameters (JSON schema)')
  // Validated as you type: broken JSON is flagged and Save is disabled.
  await params.fill('{"type": "object", "properties": {"city": ')
  await expect(params).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('button', { name: 'Save tools and output' })).toBeDisabled()
  await params.fill('{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}')
  await expect(params).toHaveAttribute('aria-invalid', 'false')
  await page.getByRole('button', { name: 'Save tools and output' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  await sendMessage(page, 'Use get_weather for Lyon')
  const call = log(page).getByRole('article', { name: 'Tool call get_weather' })
  await expect(call.getByLabel('Arguments of get_weather')).toHaveText('{\n  "city": "Lyon"\n}')
  const body = sim.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as { tools?: unknown[] })[0]
  expect(body?.tools).toHaveLength(1)

  await call.getByLabel('Result for get_weather').fill('{"temp": 18, "sky": "clear"}')
  await log(page).getByRole('button', { name: 'Send result' }).click()
  await expect(log(page)).toContainText('Echo:')
  await expect(call.getByLabel('Result of get_weather')).toHaveText('{"temp": 18, "sky": "clear"}')
  const last = sim.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as { messages: { role: string; tool_call_id?: string }[] }
  expect(last.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])

  // Stored with the message: still there after a reload.
  await page.reload()
  await expect(log(page).getByLabel('Result of get_weather')).toHaveText('{"temp": 18, "sky": "clear"}')
})

async function useBookSchema(page: Page) {
  await page.getByLabel('Response format').selectOption('json_schema')
  await page.getByLabel('Example schema').selectOption('Book')
  await expect(page.getByLabel('Response schema')).toHaveValue(/"authors"/)
  await page.getByRole('button', { name: 'Save tools and output' }).click()
}

test('a strict json_schema answer that fits is shown as valid, collapsible JSON with Copy JSON', async ({ page }) => {
  await useBookSchema(page)
  const reply = JSON.stringify({ name: 'The Sea', authors: ['Ada', 'Grace'] })
  await sendMessage(page, `A book please [sim reply=${Buffer.from(reply).toString('base64')}]`)
  const output = log(page).getByRole('region', { name: 'Structured output' })
  await expect(output.getByRole('status')).toHaveText('Valid JSON for the schema')
  await expect(output.getByText('authors [2]')).toBeVisible()
  await expect(output.getByRole('button', { name: 'Copy JSON' })).toBeVisible()
})

test('an answer that breaks the schema is flagged with the failing paths', async ({ page }) => {
  await useBookSchema(page)
  const reply = JSON.stringify({ name: 7 })
  await sendMessage(page, `A book please [sim reply=${Buffer.from(reply).toString('base64')}]`)
  const output = log(page).getByRole('region', { name: 'Structured output' })
  await expect(output.getByRole('status')).toHaveText('Does not match the schema')
  const errors = output.getByRole('list', { name: 'Schema errors' })
  await expect(errors).toContainText('/name')
  await expect(errors).toContainText("must have required property 'authors'")
})

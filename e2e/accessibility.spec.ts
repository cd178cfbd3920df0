/**
 * axe-core over every screen and state a user meets, light and dark: any violation fails,
 * with the rule, the impact and the offending elements in the message.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

async function scan(page: Page, state: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const { violations } = await new AxeBuilder({ page }).analyze()
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    expect(found, `${state}, ${scheme}`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

const MARKDOWN = [
  '# Heading',
  'Some **bold**, `code` and a [link](https://example.com).',
  '- [ ] an open task',
  '- [x] a done task',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '```ts',
  'const x = 1',
  '```',
  '$$\\bigg( x^2 \\bigg)$$',
].join('\n')

test('every screen and state has no axe violations, light and dark', async ({ page, sim }) => {
  test.setTimeout(120_000)
  await expect(page.getByText('Add your Mistral API key to start')).toBeVisible()
  await scan(page, 'first run')

  await saveKey(page, 'not-the-right-key-123')
  await expect(page.getByRole('alert')).toBeVisible()
  await scan(page, 'settings with an error')

  await page.getByRole('textbox', { name: 'Mistral API key' }).fill(sim.key)
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await scan(page, 'settings')
  await page.getByRole('button', { name: 'Remove key' }).click()
  await scan(page, 'remove-key dialog')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'New chat' }).click()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await scan(page, 'empty chat')

  await sendMessage(page, `Show markdown [sim reply=${Buffer.from(MARKDOWN).toString('base64')}]`)
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByRole('log', { name: 'Messages' }).locator('.katex').first()).toBeVisible()
  await scan(page, 'markdown chat')

  await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
  await scan(page, 'conversation settings')
  await page.keyboard.press('Escape')

  await page.getByRole('textbox', { name: /Search/ }).fill('Heading')
  await scan(page, 'search')
  await page.getByRole('textbox', { name: /Search/ }).fill('')

  await page.setViewportSize({ width: 420, height: 800 })
  await scan(page, 'narrow chat')
  await page.getByRole('button', { name: 'Show sidebar' }).click()
  await scan(page, 'narrow sidebar')
})

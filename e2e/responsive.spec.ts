/**
 * Every width from a phone-sized 360 px to a laptop's 1280 px: nothing scrolls sideways,
 * every header control is on screen, and the sidebar steps aside under the breakpoint
 * (a toggle and Ctrl/Cmd+B bring it back).
 */
import type { Page } from '@playwright/test'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

const WIDTHS = [360, 420, 600, 720, 900, 1024, 1280]
const NARROW_BELOW = 760

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth - root.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
}

async function onScreen(page: Page, name: string, role: 'button' | 'combobox' = 'button'): Promise<void> {
  const control = page.getByRole(role, { name, exact: true })
  await expect(control).toBeInViewport({ ratio: 1 })
  const box = await control.boundingBox()
  const width = page.viewportSize()?.width ?? 0
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true)
}

test('no sideways scroll and every header control reachable from 360 to 1280 px', async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'A title long enough to need truncating in a narrow header, and then some more words')
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled()

  for (const width of WIDTHS) {
    await test.step(`${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 })
      await noSidewaysScroll(page)
      await onScreen(page, 'Model', 'combobox')
      await onScreen(page, 'Conversation settings')
      await onScreen(page, width < NARROW_BELOW ? 'Show sidebar' : 'Hide sidebar')
      await expect(page.getByRole('textbox', { name: 'Message' })).toBeInViewport()
      await page.getByRole('button', { name: 'Conversation settings', exact: true }).click()
      await noSidewaysScroll(page)
      await page.keyboard.press('Escape')
    })
  }
})

test('under the breakpoint the sidebar lies over the chat when asked and steps aside after a pick', async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'First chat')
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled()
  await page.setViewportSize({ width: 420, height: 800 })

  const sidebar = page.getByRole('navigation', { name: 'Conversations' })
  await expect(sidebar).toBeHidden()
  await page.getByRole('button', { name: 'Show sidebar' }).click()
  await expect(sidebar).toBeVisible()
  await noSidewaysScroll(page)
  await page.keyboard.press('Escape')
  await expect(sidebar).toBeHidden()

  await page.keyboard.press('Control+b')
  await expect(sidebar).toBeVisible()
  await sidebar.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(sidebar).toBeHidden()
})

test('Ctrl/Cmd+B hides and shows the sidebar on a wide window, and the choice is kept', async ({ page, sim }) => {
  await saveKey(page, sim.key)
  const sidebar = page.getByRole('navigation', { name: 'Conversations' })
  await expect(sidebar).toBeVisible()
  await page.keyboard.press('Control+b')
  await expect(sidebar).toBeHidden()
  await expect(page.getByRole('button', { name: 'Show sidebar' })).toHaveAttribute('aria-expanded', 'false')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(sidebar).toBeHidden()
  await page.getByRole('button', { name: 'Show sidebar' }).click()
  await expect(sidebar).toBeVisible()
})

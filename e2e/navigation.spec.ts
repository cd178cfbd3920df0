/**
 * Moving around the window by address: Back and Forward (the browser's, and Alt+Left /
 * Alt+Right) between conversations and Settings, and a link that opens a conversation at
 * one of its messages.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/app'

const COUNT = 400
const LONG = 'A long conversation'
const SHORT = 'A short conversation'
// Seeded before the host starts (fixtures/seed.ts): message n reads "Seed message 000n."
test.use({ seed: { conversations: [{ title: LONG, messages: COUNT }, { title: SHORT, messages: 6 }] } })

const log = (page: Page) => page.getByRole('log', { name: 'Messages' })
const article = (page: Page, n: number) =>
  log(page).getByRole('article').filter({ hasText: `Seed message ${String(n).padStart(4, '0')}.` })
const chatTitle = (page: Page) => page.getByRole('region', { name: 'Chat' }).getByRole('heading', { level: 1 })
const settingsButton = (page: Page) => page.getByRole('button', { name: 'Settings', exact: true })
const settingsTitle = (page: Page) => page.getByRole('heading', { name: 'Settings', level: 1 })

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByText(title, { exact: true }).click()
  await expect(chatTitle(page)).toHaveText(title)
}

async function showsConversation(page: Page, title: string, last: number): Promise<void> {
  await expect(chatTitle(page)).toHaveText(title)
  await expect(article(page, last)).toBeInViewport()
  await expect(settingsTitle(page)).toHaveCount(0)
}

test('Back and Forward move between conversations and Settings, also with Alt+Left and Alt+Right', async ({ page }) => {
  await open(page, SHORT)
  await expect(page).toHaveURL(/#\/chat\/[\w-]+$/)
  const shortUrl = page.url()
  await open(page, LONG)
  await settingsButton(page).click()
  await expect(settingsTitle(page)).toBeVisible()
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(settingsButton(page)).toHaveAttribute('aria-current', 'page')

  await page.goBack()
  await showsConversation(page, LONG, COUNT)
  await expect(settingsButton(page)).not.toHaveAttribute('aria-current', 'page')
  await page.goBack()
  await showsConversation(page, SHORT, 6)
  expect(page.url()).toBe(shortUrl)
  await page.goForward()
  await showsConversation(page, LONG, COUNT)
  await page.goForward()
  await expect(settingsTitle(page)).toBeVisible()

  // The same walk from the keyboard, from outside any text field.
  await page.keyboard.press('Alt+ArrowLeft')
  await showsConversation(page, LONG, COUNT)
  await page.keyboard.press('Alt+ArrowLeft')
  await showsConversation(page, SHORT, 6)
  await page.keyboard.press('Alt+ArrowRight')
  await showsConversation(page, LONG, COUNT)
  await page.keyboard.press('Alt+ArrowRight')
  await expect(settingsTitle(page)).toBeVisible()

  // Settings pressed again returns to the conversation, as a new step Back can undo.
  await settingsButton(page).click()
  await showsConversation(page, LONG, COUNT)
  await page.goBack()
  await expect(settingsTitle(page)).toBeVisible()
})

test('a link to a message opens its conversation there, with that message focused', async ({ page, context, host }) => {
  // Find the id of an early message the way a user could reach it: open, then Home.
  await open(page, LONG)
  await expect(article(page, COUNT)).toBeInViewport()
  await log(page).focus()
  await page.keyboard.press('Home')
  const early = article(page, 5)
  await expect(early).toBeAttached()
  const messageId = await early.getAttribute('data-message-id')
  const conversationUrl = page.url()
  expect(messageId).toBeTruthy()
  const link = `${conversationUrl}?message=${messageId}`

  // A fresh window opened on the link. The browser host's token lives in each tab's
  // sessionStorage, so the window first takes it from the host's printed URL, as a user's does.
  const linked = await context.newPage()
  await linked.goto(host.url)
  await linked.goto(link)
  await expect(article(linked, 5)).toBeInViewport()
  await expect(article(linked, 5)).toBeFocused()
  await expect(article(linked, COUNT)).toHaveCount(0)
  await expect(linked.getByRole('button', { name: 'Jump to latest' })).toBeVisible()
  expect(await log(linked).getByRole('article').count()).toBeLessThan(60)

  // In a window already showing the conversation at its end, the link scrolls up to the message.
  await linked.getByRole('button', { name: 'Jump to latest' }).click()
  await expect(article(linked, COUNT)).toBeInViewport()
  await expect(article(linked, 5)).toHaveCount(0)
  await linked.goto(`${conversationUrl}?message=${messageId}&again=1`)
  await expect(article(linked, 5)).toBeInViewport()
  await expect(article(linked, 5)).toBeFocused()
  await linked.close()
})

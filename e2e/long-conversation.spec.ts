/**
 * A long conversation stays light and opens where the user left off: at its end. The data
 * directory is seeded with 1,000 messages before the host starts (fixtures/seed.ts).
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

const LONG = 'A long conversation'
const SHORT = 'A short conversation'
const COUNT = 1000

test.use({
  seed: {
    conversations: [
      { title: LONG, messages: COUNT },
      { title: SHORT, messages: 6 },
    ],
  },
})

const marker = (n: number) => `Seed message ${String(n).padStart(4, '0')}.`
const log = (page: Page) => page.getByRole('log', { name: 'Messages' })
const article = (page: Page, text: string) => log(page).getByRole('article').filter({ hasText: text })
/** Within this many px of the end counts as "at the end" (the list's own slack). */
const AT_END = 24

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByText(title, { exact: true }).click()
}

function distanceFromEnd(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)
}

interface Watch {
  /** The log's state when rows first appeared in it. */
  first: { hasLast: boolean; distance: number } | null
  sawFirstMessage: boolean
  maxArticles: number
}

/** Watches every DOM change from now on: what the user could have seen while the conversation opened. */
async function watchOpening(page: Page, firstText: string, lastText: string): Promise<() => Promise<Watch>> {
  await page.evaluate(
    ({ firstText, lastText }) => {
      const watch: Watch = { first: null, sawFirstMessage: false, maxArticles: 0 }
      const observer = new MutationObserver(() => {
        const el = document.querySelector('[role="log"]')
        const articles = el?.querySelectorAll('article').length ?? 0
        if (!el || articles === 0) return
        const text = el.textContent ?? ''
        watch.first ??= { hasLast: text.includes(lastText), distance: el.scrollHeight - el.scrollTop - el.clientHeight }
        watch.sawFirstMessage ||= text.includes(firstText)
        watch.maxArticles = Math.max(watch.maxArticles, articles)
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      ;(window as unknown as { __watch: Watch }).__watch = watch
    },
    { firstText, lastText },
  )
  return () => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch)
}

test('a 1,000-message conversation opens at its end, with only a few rows mounted', async ({ page }) => {
  const watched = await watchOpening(page, marker(1), marker(COUNT))
  await open(page, LONG)

  await expect(article(page, marker(COUNT))).toBeInViewport()
  await expect(log(page).getByRole('article', { name: 'Mistral' }).last()).toContainText(marker(COUNT))
  await expect(article(page, marker(1))).toHaveCount(0)
  const articles = await log(page).getByRole('article').count()
  expect(articles).toBeLessThan(60)
  expect(await distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)

  // The first frame with rows already showed the end: no scroll from the top, no first message.
  const seen = await watched()
  expect(seen.first).toEqual({ hasLast: true, distance: expect.any(Number) })
  expect(seen.first!.distance).toBeLessThanOrEqual(AT_END)
  expect(seen.sawFirstMessage).toBe(false)
  expect(seen.maxArticles).toBeLessThan(60)

  // Counted once replies are rendered as markdown (a lazily loaded renderer), the heavier form.
  await expect(article(page, marker(COUNT)).getByRole('heading', { name: 'Steps' })).toBeAttached()
  expect(await distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length)
  test.info().annotations.push({ type: 'DOM nodes with 1,000 messages open', description: `${nodes} (${articles} articles)` })
  console.log(`DOM nodes with a ${COUNT}-message conversation open: ${nodes} (${articles} articles mounted)`)
  expect(nodes).toBeLessThan(3000)

  // A composer grown to several lines takes height from the log, and the end stays in view.
  await page.getByRole('textbox', { name: 'Message' }).fill('one\ntwo\nthree\nfour\nfive\nsix')
  await expect.poll(() => distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)
  await expect(article(page, marker(COUNT))).toBeInViewport()

  // Away and back: the measured heights are kept, so it opens at its end again at once.
  await open(page, SHORT)
  await expect(article(page, marker(6))).toBeInViewport()
  const again = await watchOpening(page, marker(1), marker(COUNT))
  await open(page, LONG)
  await expect(article(page, marker(COUNT))).toBeInViewport()
  const second = await again()
  expect(second.first?.hasLast).toBe(true)
  expect(second.first!.distance).toBeLessThanOrEqual(AT_END)
  expect(second.sawFirstMessage).toBe(false)
})

test('scrolling up while a reply streams offers "Jump to latest", which follows the reply again', async ({
  page,
  sim,
}) => {
  // A reply of a minute (it is stopped at the end), streamed after a 1,000-message history is
  // sent to the simulator: long enough to still be streaming on a loaded machine.
  test.slow()
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await open(page, LONG)
  await expect(article(page, marker(COUNT))).toBeInViewport()

  await sendMessage(page, 'Tell me a long story [sim tokens=2400 rate=40]')
  const reply = article(page, 'Echo: Tell me a long story')
  const jump = page.getByRole('button', { name: 'Jump to latest' })
  const stop = page.getByRole('button', { name: 'Stop', exact: true })
  await expect(reply).toBeInViewport()
  // While the reply grows, the view follows it.
  await expect.poll(() => reply.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(200)
  expect(await distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)
  await expect(jump).toHaveCount(0)
  // Only the new reply is a live region; the rows of history, mounted as the user scrolls, are not.
  await expect(reply.locator('xpath=..')).not.toHaveAttribute('aria-live')
  await expect(article(page, marker(COUNT)).locator('xpath=..')).toHaveAttribute('aria-live', 'off')

  await log(page).hover()
  await page.mouse.wheel(0, -1500)
  await expect(jump).toBeVisible()
  await expect(stop).toBeVisible()
  // Scrolled up, the growing reply below does not move what the user reads.
  const top = await log(page).evaluate((el) => el.scrollTop)
  const grownFrom = await reply.evaluate((el) => el.textContent?.length ?? 0).catch(() => 0)
  await page.waitForTimeout(600)
  expect(await log(page).evaluate((el) => el.scrollTop)).toBe(top)
  await expect(stop).toBeVisible()

  await jump.click()
  await expect(jump).toHaveCount(0)
  await expect(reply).toBeInViewport()
  expect(await reply.evaluate((el) => el.textContent?.length ?? 0)).toBeGreaterThan(grownFrom)
  // The newest text, the bottom of the reply, is in view; and it keeps following.
  await expect.poll(() => distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)
  await page.waitForTimeout(500)
  await expect(stop).toBeVisible()
  expect(await distanceFromEnd(log(page))).toBeLessThanOrEqual(AT_END)
  const bottoms = await reply.evaluate((el) => {
    const scroller = el.closest('[role="log"]')!.getBoundingClientRect()
    return { reply: el.getBoundingClientRect().bottom, log: scroller.bottom }
  })
  expect(bottoms.reply).toBeLessThanOrEqual(bottoms.log)
  await expect(log(page)).toBeFocused()
  await stop.click()
})

test('Home, End, PageUp and PageDown scroll the focused log', async ({ page }) => {
  await open(page, LONG)
  await expect(article(page, marker(COUNT))).toBeInViewport()
  const messages = log(page)
  await messages.focus()
  const scrollTop = () => messages.evaluate((el) => el.scrollTop)

  const atEnd = await scrollTop()
  await page.keyboard.press('PageUp')
  await expect.poll(scrollTop).toBeLessThan(atEnd - 200)
  const pagedUp = await scrollTop()
  await page.keyboard.press('PageDown')
  await expect.poll(scrollTop).toBeGreaterThan(pagedUp + 200)

  await page.keyboard.press('Home')
  await expect(article(page, marker(1))).toBeInViewport()
  await expect.poll(scrollTop).toBe(0)
  await expect(article(page, marker(COUNT))).toHaveCount(0)

  await page.keyboard.press('End')
  await expect(article(page, marker(COUNT))).toBeInViewport()
  await expect(article(page, marker(1))).toHaveCount(0)
  await expect.poll(() => distanceFromEnd(messages)).toBeLessThanOrEqual(AT_END)
  await expect(messages).toBeFocused()
  expect(await messages.getByRole('article').count()).toBeLessThan(60)
})

/**
 * The renderer in Chromium, driven the way a user drives it (roles and accessible
 * names), with page-probe.js measuring inside the page.
 */
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core'

const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url))

export interface AppPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  close(): Promise<void>
}

export interface ProbeConfig {
  /** Watch from the first byte for the sidebar and composer to be ready (cold start). */
  startup?: { newestTitle: string | null }
}

/** A fresh context (no cache, no cookies) with the probe installed; navigate it yourself. */
export async function newAppPage(browser: Browser, config: ProbeConfig = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript({ content: `window.__benchConfig = ${JSON.stringify(config)};` })
  await context.addInitScript({ path: PROBE })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  return { context, page, cdp, close: () => context.close() }
}

/** Evaluates an expression on window.__bench in the page. */
export function probe<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(`window.__bench.${expression}`) as Promise<T>
}

/**
 * Polls a condition on window.__bench. Through evaluate(), not waitForFunction(): the
 * renderer's CSP forbids the eval that waitForFunction uses for a string predicate.
 */
export async function waitForProbe(page: Page, condition: string, timeoutMs: number, everyMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs
  const expression = `(() => { const b = window.__bench; return !!(b && (${condition})) })()`
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${condition}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

export async function waitForComposer(page: Page, timeoutMs = 30_000): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.waitFor({ state: 'visible', timeout: timeoutMs })
  await waitForProbe(page, 'b.composerEnabled()', timeoutMs)
}

export interface PageReply {
  clickAt: number
  firstAt: number
  firstPaintAt: number
  finalAt: number
  finalPaintAt: number
  /** The reply as the DOM shows it, from "Echo:" to its full stop, whitespace collapsed. */
  text: string
}

/** Types the prompt, clicks Send and waits until the reply's final text is painted and Stop is gone. */
export async function sendAndWatch(page: Page, prompt: string, timeoutMs: number): Promise<PageReply> {
  if (prompt.includes('.') || prompt.includes('Echo:')) throw new Error('the prompt must hold no "." and no "Echo:"')
  await probe(page, 'armReply()')
  await page.getByRole('textbox', { name: 'Message' }).fill(prompt)
  await page.getByRole('button', { name: 'Send' }).click()
  await waitForProbe(page, 'b.reply && b.reply.finalPaintAt !== null', timeoutMs)
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor({ state: 'detached', timeout: timeoutMs })
  const reply = await probe<PageReply | null>(page, 'reply')
  if (!reply || reply.clickAt === null) throw new Error('the probe saw no click on Send')
  return reply
}

/**
 * A conversation's button in the sidebar. By its title attribute when it has one: with
 * 20,000 conversations, a role query computes the accessible name of ~60,000 buttons
 * each time, which takes seconds; by role and name otherwise.
 */
export async function conversationButton(page: Page, title: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Conversations' })
  const byTitle = nav.locator('button').and(nav.getByTitle(title, { exact: true }))
  if ((await byTitle.count()) > 0) return byTitle.first()
  return nav.getByRole('button', { name: title, exact: true })
}

/**
 * Clicks a conversation in the sidebar by its title. Waits for the list to arrive (the
 * composer can be ready before it), and scrolls a list that renders only what is in view.
 */
export async function clickConversation(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const button = await conversationButton(page, title)
    if ((await button.count()) > 0) return button.click()
    if (performance.now() > deadline) throw new Error(`no conversation titled "${title}" in the sidebar after ${timeoutMs} ms`)
    if (!(await probe<boolean>(page, 'scrollSidebar()'))) await page.waitForTimeout(50)
  }
}

export interface PageHeap {
  usedBytes: number
  totalBytes: number
}

export async function pageHeap(cdp: CDPSession, collectGarbage: boolean): Promise<PageHeap> {
  if (collectGarbage) {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
  }
  const heap = await cdp.send('Runtime.getHeapUsage')
  return { usedBytes: heap.usedSize, totalBytes: heap.totalSize }
}

export async function domStats(page: Page): Promise<{ nodes: number; elements: number }> {
  return probe(page, 'domStats()')
}

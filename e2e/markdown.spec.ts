/**
 * Replies render as markdown: tables, code with Copy, math, links that open outside the app,
 * and nothing in a reply runs. The simulator's `[sim reply=<base64>]` makes the reply exactly
 * the markdown under test, streamed word by word.
 */
import type { Page } from '@playwright/test'
import { test, expect, saveKey, sendMessage } from './fixtures/app'

test.beforeEach(async ({ page, sim }) => {
  await saveKey(page, sim.key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'New chat' }).click()
})

const log = (page: Page) => page.getByRole('log', { name: 'Messages' })
const yours = (page: Page) => log(page).getByRole('article', { name: 'You', exact: true }).last()
const reply = (page: Page) => log(page).getByRole('article', { name: 'Mistral', exact: true }).last()

/** Sends a message whose reply is exactly `markdown`. */
async function askFor(page: Page, markdown: string, options: { prefix?: string; rate?: number } = {}): Promise<void> {
  const rate = options.rate ? ` rate=${options.rate}` : ''
  await sendMessage(page, `${options.prefix ?? 'Show it'} [sim reply=${Buffer.from(markdown).toString('base64')}${rate}]`)
}

async function replyFinished(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0, { timeout: 15_000 })
  await expect(log(page).locator('[aria-busy="true"]')).toHaveCount(0)
}

test('tables, task lists and strikethrough render; your own message stays plain text', async ({ page }) => {
  const markdown = [
    '## Planets',
    '',
    '| Planet | Moons |',
    '|--------|------:|',
    '| Earth  | 1     |',
    '| Mars   | 2     |',
    '',
    '- [x] measured',
    '- [ ] visited',
    '',
    'This is ~~obsolete~~ current.',
    '',
  ].join('\n')
  await askFor(page, markdown, { prefix: '**Plain** text' })
  await replyFinished(page)

  const table = reply(page).getByRole('table')
  await expect(table).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Moons' })).toBeVisible()
  await expect(table.getByRole('row', { name: 'Mars 2' })).toBeVisible()
  // Alignment from the delimiter row survives sanitizing.
  await expect(table.getByRole('cell', { name: '2', exact: true })).toHaveCSS('text-align', 'right')
  await expect(reply(page).getByRole('heading', { name: 'Planets' })).toBeVisible()
  const boxes = reply(page).getByRole('checkbox')
  await expect(boxes).toHaveCount(2)
  await expect(boxes.first()).toBeChecked()
  await expect(boxes.first()).toBeDisabled()
  await expect(reply(page).locator('del')).toHaveText('obsolete')

  await expect(yours(page)).toContainText('**Plain** text')
  await expect(yours(page).locator('strong')).toHaveCount(0)
})

test('a code block shows its language and Copy code puts the code on the clipboard', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
  const code = 'const answer: number = 42\nconsole.log(`answer: ${answer}`)'
  await askFor(page, `Here you go:\n\n\`\`\`ts\n${code}\n\`\`\`\n\nUse \`answer\` wisely.\n`)
  await replyFinished(page)

  await expect(reply(page).getByText('ts', { exact: true })).toBeVisible()
  await expect(reply(page).locator('pre code .hljs-keyword').first()).toHaveText('const')
  // A wide block scrolls sideways; keyboard users can focus it to do so.
  await expect(reply(page).locator('pre')).toHaveAttribute('tabindex', '0')
  await expect(reply(page).locator('p code')).toHaveText('answer')

  const copy = reply(page).getByRole('button', { name: 'Copy code', exact: true })
  await copy.click()
  await expect(reply(page).getByRole('button', { name: 'Copied', exact: true })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
  // The label comes back after about 1.5 s.
  await expect(copy).toBeVisible({ timeout: 3_000 })

  // The keyboard works too.
  await page.evaluate(() => navigator.clipboard.writeText('something else'))
  await copy.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code)
})

test('inline and display math render with KaTeX; currency stays text', async ({ page }) => {
  const markdown = [
    'Inline $E=mc^2$ and \\(a^2+b^2=c^2\\).',
    '',
    '$$',
    '\\int_0^1 \\sqrt{x}\\,dx = \\frac{2}{3}',
    '$$',
    '',
    '\\[',
    '\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}',
    '\\]',
    '',
    'It costs $5 and $10.',
    '',
  ].join('\n')
  await askFor(page, markdown)
  await replyFinished(page)

  const body = reply(page)
  await expect(body.locator('.katex')).toHaveCount(4)
  await expect(body.locator('.katex-display')).toHaveCount(2)
  // MathML survives sanitizing, for screen readers; the visible half is KaTeX's HTML.
  await expect(body.locator('math')).toHaveCount(4)
  await expect(body.locator('.katex-html').first()).toBeVisible()
  // The root sign is an SVG path, whose geometry must survive sanitizing.
  await expect(body.locator('.katex svg path').first()).toHaveAttribute('d', /\S/)
  await expect(body.getByText('It costs $5 and $10.')).toBeVisible()
  // KaTeX's CSS and fonts load under the CSP.
  await expect(body.locator('.katex-mathml').first()).toHaveCSS('position', 'absolute')
  await expect
    .poll(() => page.evaluate(async () => (await document.fonts.load('1em KaTeX_Main')).some((f) => f.status === 'loaded')))
    .toBe(true)
})

test('a link opens outside the app through links.open; other schemes stay inert', async ({ page }) => {
  // Watch the app's socket from its start, to see the links.open request go out.
  const sent: string[] = []
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(String(frame.payload))))
  await page.reload()
  await page.getByRole('button', { name: 'New chat' }).click()
  await page.context().route('https://docs.example.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Docs</title>' }),
  )
  const appUrl = page.url()

  const dataImage =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
  await askFor(
    page,
    [
      'Read [the docs](https://docs.example.test/guide?x=1).',
      '',
      'But [not a link](javascript:void(0)) and [nor this](file:///etc/hosts).',
      '',
      `![A chart](https://images.example.test/chart.png) ![dot](${dataImage})`,
      '',
    ].join('\n'),
  )
  await replyFinished(page)

  const popup = page.waitForEvent('popup')
  await reply(page).getByRole('link', { name: 'the docs' }).click()
  await expect.poll(async () => (await popup).url()).toBe('https://docs.example.test/guide?x=1')
  expect(page.url()).toBe(appUrl)
  expect(sent.some((frame) => frame.includes('"links.open"') && frame.includes('https://docs.example.test/guide?x=1'))).toBe(true)

  await expect(reply(page).getByRole('link', { name: 'not a link' })).toHaveCount(0)
  await expect(reply(page).getByRole('link', { name: 'nor this' })).toHaveCount(0)
  await reply(page).getByText('not a link').click()
  expect(page.url()).toBe(appUrl)

  // A remote image cannot load under the CSP: it is offered as a link; an inline one shows.
  await expect(reply(page).getByRole('link', { name: 'Image: A chart' })).toBeVisible()
  const body = reply(page).locator('.md')
  await expect(body.getByRole('img')).toHaveCount(1)
  await expect(body.getByRole('img', { name: 'dot' })).toBeVisible()
})

test('script and event-handler payloads in a reply show as text and never run', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const markdown = [
    '<script>window.__pwned = "script"</script>',
    '',
    'Inline <img src=x onerror="window.__pwned=\'img\'"> and <a href="javascript:window.__pwned=1">a</a>.',
    '',
    '<svg onload="window.__pwned=\'svg\'"><circle r="5"/></svg>',
    '',
    '[js link](javascript:window.__pwned="link") and $\\href{javascript:alert(1)}{x}$ here.',
    '',
    '<iframe src="javascript:alert(1)"></iframe>',
    '',
  ].join('\n')
  await askFor(page, markdown)
  await replyFinished(page)

  const body = reply(page)
  await expect(body).toContainText('<script>window.__pwned = "script"</script>')
  await expect(body).toContainText('<img src=x onerror=')
  await expect(body.locator('script, iframe, svg[onload], [onerror], [onload], a[href^="javascript"]')).toHaveCount(0)
  await body.getByText('js link').click()
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
})

test('while a reply streams, finished blocks keep their DOM and the code block completes', async ({ page }) => {
  const lines = Array.from({ length: 12 }, (_, i) => `    total += values[${i}]  # step ${i}`)
  const code = ['def total(values):', '    total = 0', ...lines, '    return total'].join('\n')
  const markdown = `First paragraph stays put.\n\nSecond paragraph also stays.\n\n\`\`\`python\n${code}\n\`\`\`\n\nDone.\n`
  await askFor(page, markdown, { rate: 40 })

  const first = reply(page).locator('p', { hasText: 'First paragraph stays put.' })
  await expect(reply(page).locator('.md-code')).toBeVisible()
  await expect(reply(page)).toHaveAttribute('aria-busy', 'true')
  // Mark the rendered node: a block parsed again would be a new node without the mark.
  await first.evaluate((node) => node.setAttribute('data-test-mark', 'kept'))
  await replyFinished(page)

  await expect(first).toHaveAttribute('data-test-mark', 'kept')
  await expect(reply(page).getByText('Done.')).toBeVisible()
  await expect(reply(page).getByText('python', { exact: true })).toBeVisible()
  await expect(reply(page).locator('pre code')).toHaveText(code)
})

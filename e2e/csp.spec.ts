/**
 * The page's Content-Security-Policy refuses nothing the app itself ships: math with big
 * delimiters loads KaTeX's smallest font (KaTeX_Size3, once inlined as a refused data: URL).
 */
import { test, expect, saveKey, sendMessage } from './fixtures/app'

test('math with big delimiters loads every KaTeX font, and the console has no CSP errors', async ({ page, sim }) => {
  const refused: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text())
  })
  await page.reload()
  await saveKey(page, sim.key)
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendMessage(page, 'Big: $$\\bigg( \\Bigg[ x \\Bigg] \\bigg)$$')
  await expect(page.locator('.katex-display').first()).toBeVisible()

  const loaded = await page.evaluate(async () => {
    await document.fonts.ready
    await document.fonts.load('1em KaTeX_Size3')
    return [...document.fonts].filter((f) => f.family.includes('KaTeX_Size3')).map((f) => f.status)
  })
  expect(loaded).toContain('loaded')
  expect(refused).toEqual([])
})

/** The sidebar's history: date sections, pin, archive, and delete with a 10 s Undo, through the real core and SQLite. */
import { test, expect } from './fixtures/app'

test.use({
  seed: {
    conversations: [
      { title: 'Packing list for Lisbon', messages: 2 },
      { title: 'Quarterly numbers', messages: 2 },
      { title: 'Birthday ideas', messages: 2 },
    ],
  },
})

test('pin, archive and delete with undo in the grouped sidebar', async ({ page, host }) => {
  await page.goto(host.url)
  const sidebar = page.getByRole('navigation')
  const row = (title: string) => sidebar.getByRole('button', { name: title, exact: true })
  await expect(row('Birthday ideas')).toBeVisible()
  // Seeded a day ago, an hour apart: dated sections, no Pinned section yet.
  await expect(sidebar.getByRole('heading', { name: 'Pinned' })).toHaveCount(0)

  await sidebar.getByRole('button', { name: 'Pin conversation "Quarterly numbers"' }).click()
  await expect(sidebar.getByRole('heading', { name: 'Pinned' })).toBeVisible()
  await expect(sidebar.getByRole('button', { name: 'Unpin conversation "Quarterly numbers"' })).toHaveAttribute('aria-pressed', 'true')
  // Pinned heads the list, above newer conversations.
  const titles = sidebar.locator('.conversation__open')
  await expect(titles).toHaveText(['Quarterly numbers', 'Birthday ideas', 'Packing list for Lisbon'])

  await sidebar.getByRole('button', { name: 'Archive conversation "Packing list for Lisbon"' }).click()
  await expect(row('Packing list for Lisbon')).toHaveCount(0)
  await sidebar.getByRole('checkbox', { name: 'Show archived' }).check()
  await expect(titles).toHaveText(['Packing list for Lisbon'])
  await sidebar.getByRole('checkbox', { name: 'Show archived' }).uncheck()
  await expect(titles).toHaveText(['Quarterly numbers', 'Birthday ideas'])

  await sidebar.getByRole('button', { name: 'Delete conversation "Birthday ideas"' }).click()
  await sidebar.getByRole('button', { name: 'Yes, delete "Birthday ideas"' }).click()
  await expect(row('Birthday ideas')).toHaveCount(0)
  const toast = page.getByRole('status').filter({ hasText: 'Deleted "Birthday ideas"' })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(row('Birthday ideas')).toBeVisible()

  // Survives a reload: the marks are in SQLite, not in the page.
  await page.reload()
  await expect(titles).toHaveText(['Quarterly numbers', 'Birthday ideas'])
})

test.describe('search', () => {
  test.use({
    seed: { conversations: [{ title: 'Long planning thread', messages: 400 }, { title: 'Short one', messages: 2 }] },
  })

  test('finds a phrase deep in a long conversation and opens it at that exact message', async ({ page, host }) => {
    await page.goto(host.url)
    // The app is up (and its shortcuts listening) once the list shows.
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Short one', exact: true })).toBeVisible()
    await page.keyboard.press('Control+k')
    const search = page.getByRole('textbox', { name: 'Search conversations' })
    await expect(search).toBeFocused()
    await search.fill('"Seed message 0151"')
    const matches = page.getByRole('list', { name: 'Matches in "Long planning thread"' }).getByRole('button')
    await expect(matches).toHaveCount(1)
    // The phrase is marked (FTS5 marks a phrase as one span).
    await expect(matches.locator('mark')).toHaveText(['Seed message 0151'])
    await expect(page.getByRole('list', { name: 'Search results' })).toContainText('1 match')
    await matches.click()
    await expect(page).toHaveURL(/\?message=/)
    const target = page.locator('.message--target')
    await expect(target).toContainText('Seed message 0151.')
    await expect(target).toBeInViewport()
  })
})

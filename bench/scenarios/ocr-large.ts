/**
 * ocr-large: a 1,000-page, ~50 MB PDF added in the browser host (bytes streamed to the
 * host in chunks, checked and counted there, sent to the simulator through /v1/files).
 * Measures the host's peak RSS growth during intake, the time from the drop to the queue
 * item showing its page count, and from "Open" to the viewer showing page 1.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { manyPagesPdf } from '../../e2e/fixtures/documents/documents'
import { startSimulator } from '../../e2e/mistral-sim/server'
import { newAppPage } from '../lib/app-page'
import type { Scenario } from '../lib/scenario'
import { tempDir } from '../lib/temp'
import { startHost, vmRss } from '../lib/web-host'

const MB = 1024 * 1024

export const ocrLarge: Scenario = {
  name: 'ocr-large',
  title: 'a 1,000-page, ~50 MB PDF: host RSS growth during intake, drop to page count, open to page 1',
  sizes: { full: { warmup: 0, runs: 2 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const pages = ctx.quick ? 50 : 1000
    const padding = ctx.quick ? 4 * MB : 48 * MB
    const dir = tempDir(ctx, 'ocr-large')
    const file = join(dir, 'large.pdf')
    const bytes = manyPagesPdf(pages, padding)
    writeFileSync(file, bytes)
    ctx.config({ pages, bytes: bytes.length })
    ctx.metric({ key: 'rss', label: 'host peak RSS growth during intake', unit: 'MB', digits: 0, target: { op: '<', value: 150 } })
    ctx.metric({ key: 'count', label: 'drop to the page count in the queue', unit: 'ms', digits: 0, target: { op: '<', value: 2000 } })
    ctx.metric({ key: 'page1', label: 'open to page 1 in the viewer', unit: 'ms', digits: 0, target: { op: '<', value: 500 } })

    const sim = await startSimulator()
    ctx.defer(() => sim.close())
    const browser = await ctx.browser()

    await ctx.repeat(async () => {
      const host = await startHost({ entry: ctx.hostEntry, dataDir: tempDir(ctx, 'ocr-large-data'), serverURL: sim.url, apiKey: sim.key })
      const app = await newAppPage(browser)
      try {
        // The host's URL first: the page keeps its one-time token, then moves to Documents.
        await app.page.goto(host.url)
        await app.page.evaluate(() => (location.hash = '#/documents'))
        await app.page.getByRole('button', { name: 'Add documents' }).waitFor()
        const baseline = vmRss(host.pid) ?? 0
        let peak = baseline
        const sampler = setInterval(() => (peak = Math.max(peak, vmRss(host.pid) ?? 0)), 10)
        const dropped = performance.now()
        await app.page.getByLabel('Documents to add').setInputFiles(file)
        const item = app.page.getByRole('listitem', { name: 'large.pdf' })
        await item.getByText(`${pages} pages`).waitFor({ timeout: 120_000 })
        ctx.sample('count', performance.now() - dropped)
        await item.getByText('Done').waitFor({ timeout: 300_000 })
        clearInterval(sampler)
        ctx.sample('rss', (peak - baseline) / MB)
        ctx.check('the document was sent by file_id', sim.requests.some((r) => r.path === '/v1/files'))

        const opened = performance.now()
        await app.page.getByRole('button', { name: 'Open large.pdf' }).click()
        await app.page.getByLabel('Page text').getByText('Page 1 of').waitFor({ timeout: 60_000 })
        await app.page.getByRole('img', { name: 'Original page 1' }).waitFor({ timeout: 60_000 })
        ctx.sample('page1', performance.now() - opened)
      } finally {
        await app.close()
        await host.stop()
        sim.reset()
      }
    })
  },
}

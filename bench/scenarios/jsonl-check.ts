/**
 * jsonl-check: the fine-tuning "Check dataset" on a large file. Generates a 200 MB
 * dataset (20 MB with --quick) of chat conversations with a known set of bad lines,
 * then checks it with the app's own streamed checker. Reports throughput and how far
 * the process's RSS rose above where it started (the file must never be held whole).
 */
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { checkDataset } from '../../src/main/core/fine-tuning/dataset-checker'
import type { Scenario } from '../lib/scenario'
import { tempDir } from '../lib/temp'

const MB = 1024 * 1024
/** One bad line every this many, of a few kinds, so the check has something to find. */
const BAD_EVERY = 997

function line(i: number): string {
  if (i % BAD_EVERY === 0) {
    const kinds = ['{"messages": [', '{"prompt":"x"}', JSON.stringify({ messages: [{ role: 'user', content: `question ${i}` }] })]
    return kinds[(i / BAD_EVERY) % kinds.length] as string
  }
  const filler = 'The quick brown fox jumps over the lazy dog. '.repeat(8 + (i % 7))
  return JSON.stringify({
    messages: [
      { role: 'system', content: 'You answer support questions briefly.' },
      { role: 'user', content: `Question ${i}: ${filler}` },
      { role: 'assistant', content: `Answer ${i}: ${filler}` },
    ],
  })
}

async function generate(path: string, bytes: number): Promise<{ lines: number; bad: number }> {
  const out = createWriteStream(path)
  let written = 0
  let lines = 0
  let bad = 0
  while (written < bytes) {
    const chunk: string[] = []
    for (let k = 0; k < 1000 && written < bytes; k++) {
      lines += 1
      if (lines % BAD_EVERY === 0) bad += 1
      const text = `${line(lines)}\n`
      written += Buffer.byteLength(text)
      chunk.push(text)
    }
    if (!out.write(chunk.join(''))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return { lines, bad }
}

export const jsonlCheck: Scenario = {
  name: 'jsonl-check',
  title: 'check a generated 200 MB fine-tuning dataset line by line: throughput and peak RSS growth',
  sizes: { full: { warmup: 0, runs: 3 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const size = (ctx.quick ? 20 : 200) * MB
    ctx.metric({ key: 'throughput', label: 'throughput', unit: 'MB/s', target: { op: '>=', value: 50 }, digits: 1 })
    ctx.metric({ key: 'rssGrowth', label: 'peak RSS growth', unit: 'MB', target: { op: '<', value: 100 }, digits: 1 })
    const dir = tempDir(ctx, 'jsonl')
    const path = join(dir, 'dataset.jsonl')
    const planted = await generate(path, size)
    ctx.config({ bytes: size, lines: planted.lines, badLines: planted.bad, rss: 'process.memoryUsage().rss sampled every 5 ms and after each 1 MB chunk' })

    await ctx.repeat(async () => {
      ;(globalThis as { gc?: () => void }).gc?.()
      const startRss = process.memoryUsage().rss
      let peak = startRss
      const sample = () => {
        peak = Math.max(peak, process.memoryUsage().rss)
      }
      const timer = setInterval(sample, 5)
      const t0 = performance.now()
      const report = await checkDataset(path, { onProgress: sample })
      const seconds = (performance.now() - t0) / 1000
      clearInterval(timer)
      sample()
      ctx.sample('throughput', report.bytes / MB / seconds)
      ctx.sample('rssGrowth', (peak - startRss) / MB)
      ctx.check('every line was read', report.lines === planted.lines, `${report.lines} of ${planted.lines}`)
      ctx.check('every planted bad line was found', report.badLines === planted.bad, `${report.badLines} of ${planted.bad}`)
    })
  },
}

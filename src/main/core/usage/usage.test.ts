/** The usage channels end to end: real core, SQLite and the simulator, through dispatch(). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { openAppDatabase } from '../schema'
import { CoreHarness } from '../testing/core-harness'
import { parseCsv } from './csv'

const MODEL = 'mistral-small-latest'
let h: CoreHarness

beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

function ledger() {
  const db = openAppDatabase(h.dataDir)
  try {
    return new UsageLedger(db).since()
  } finally {
    db.close()
  }
}

async function chat(content: string, conversationId?: string) {
  const started = await h.ok('chat.send', { model: MODEL, content, ...(conversationId ? { conversationId } : {}) })
  const end = await h.ctx.finished(started.requestId)
  return { started, end }
}

/** Waits for the background title call of a new conversation to be billed. */
async function titled(n: number) {
  for (let i = 0; i < 100 && ledger().filter((e) => e.kind === 'title').length < n; i++) await new Promise((r) => setTimeout(r, 20))
}

describe('the month report', () => {
  it('shows chat and title calls at the price of the tokens the API reported', async () => {
    const { started, end } = await chat('hello [sim tokens=40]')
    await titled(1)
    expect(end.type).toBe('done')
    const usage = end.type === 'done' ? end.usage! : null
    const report = await h.ok('usage.month', {})
    const rows = ledger()
    expect(rows.map((r) => r.kind).sort()).toEqual(['chat', 'title'])
    const chatRow = rows.find((r) => r.kind === 'chat')!
    // $0.15 / M input, $0.60 / M output, rounded half up once.
    expect(chatRow.costMicroUsd).toBe(Math.floor((usage!.promptTokens * 150_000 + usage!.completionTokens * 600_000 + 500_000) / 1_000_000))
    expect(report).toMatchObject({ currency: 'USD', calls: 2, unpricedCalls: 0, costMicro: rows.reduce((s, r) => s + r.costMicroUsd!, 0) })
    expect(report.byCapability.map((l) => l.key).sort()).toEqual(['chat', 'title'])
    expect(report.byConversation[0]).toMatchObject({ key: started.conversationId, calls: 2 })
    expect(report.byConversation[0]!.label).toBeTruthy()
    expect(report.topCalls.length).toBe(2)
    expect(report.projection?.method).toMatch(/daily average/)
    const today = report.daily.find((d) => Object.keys(d.byModel).length > 0)
    expect(Object.values(today!.byModel).reduce((a, b) => a + b, 0)).toBe(report.costMicro)
  })

  it('a conversation shows its cost and each reply its tokens', async () => {
    const first = await chat('one [sim tokens=10]')
    await titled(1)
    const second = await chat('two [sim tokens=12]', first.started.conversationId)
    const spend = await h.ok('usage.conversation', { conversationId: first.started.conversationId })
    expect(spend.calls).toBe(3)
    expect(spend.byMessage[second.started.assistantMessageId]).toMatchObject({ completionTokens: 12, estimated: false })
    expect(spend.costMicro).toBe(ledger().reduce((s, r) => s + r.costMicroUsd!, 0))
  })

  it('reads in EUR when the user picks it', async () => {
    await chat('hello [sim tokens=40]')
    await h.ok('usage.saveSettings', { currency: 'EUR' })
    const report = await h.ok('usage.month', {})
    expect(report.currency).toBe('EUR')
    expect(report.costMicro).toBe(ledger().reduce((s, r) => s + (r.costMicroEur ?? 0), 0))
  })

  it('refuses an unknown time zone with a clear message', async () => {
    const r = await h.call('usage.saveSettings', { timeZone: 'Mars/Olympus' })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('time zone') })
  })
})

describe('CSV export', () => {
  it('equals the ledger, row for row', async () => {
    await chat('a, "quoted", and\nnewline [sim tokens=9]')
    await titled(1)
    const rows = ledger()
    const { csv, rows: n } = await h.ok('usage.exportCsv', { from: 0, to: Date.now() + 1000 })
    const [header, ...lines] = parseCsv(csv)
    expect(n).toBe(rows.length)
    expect(lines).toHaveLength(rows.length)
    const col = (name: string) => header!.indexOf(name)
    lines.forEach((line, i) => {
      const r = rows[i]!
      expect(line[col('request_id')]).toBe(r.requestId)
      expect(line[col('prompt_tokens')]).toBe(String(r.promptTokens))
      expect(Math.round(Number(line[col('cost')]) * 1_000_000)).toBe(r.costMicroUsd)
      expect(line[col('price_source')]).toBe(r.priceSource)
    })
    expect(csv).not.toContain(h.sim.key)
  })

  it('refuses a range that ends before it starts', async () => {
    const r = await h.call('usage.exportCsv', { from: 10, to: 5 })
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
  })
})

describe('budgets', () => {
  it('each threshold fires once per month, even across a restart', async () => {
    await h.ok('usage.saveBudget', { scope: { type: 'all' }, amountMicro: 2 })
    await chat('spend [sim tokens=30]')
    await titled(1)
    const alerts = await h.ok('usage.takeAlerts', {})
    expect(alerts.map((a) => a.threshold)).toEqual([50, 80, 100])
    expect(alerts[0]).toMatchObject({ name: 'Monthly budget', currency: 'USD', amountMicro: 2 })
    expect(await h.ok('usage.takeAlerts', {})).toEqual([])
    h.restart()
    await h.ok('keys.set', { key: h.sim.key })
    await chat('more [sim tokens=30]')
    expect(await h.ok('usage.takeAlerts', {})).toEqual([])
    const [status] = await h.ok('usage.listBudgets', {})
    expect(status).toMatchObject({ name: 'Monthly budget', reached: true })
  })

  it('an alert fired while nobody looked is still there after a restart', async () => {
    await h.ok('usage.saveBudget', { scope: { type: 'capability', capability: 'chat' }, amountMicro: 1, thresholds: [100] })
    await chat('spend [sim tokens=30]')
    h.restart()
    expect((await h.ok('usage.takeAlerts', {})).map((a) => a.name)).toEqual(['Monthly budget for chat'])
  })

  it('a hard stop at 100% blocks chat.send with a message naming the budget and how to raise it', async () => {
    await chat('spend [sim tokens=30]')
    await h.ok('usage.saveBudget', { scope: { type: 'model', model: MODEL }, amountMicro: 1, hardStop: true })
    const r = await h.call('chat.send', { model: MODEL, content: 'blocked' })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'budget_exceeded', message: expect.stringMatching(/^Monthly budget for mistral-small-latest reached: .*Raise the monthly budget/) })
    // Another model is not in that budget's scope.
    expect((await h.call('chat.send', { model: 'mistral-large-latest', content: 'allowed [sim tokens=3]' })).ok).toBe(true)
  })

  it('without hard stop, sending goes on at 100%', async () => {
    await chat('spend [sim tokens=30]')
    await h.ok('usage.saveBudget', { scope: { type: 'all' }, amountMicro: 1 })
    expect((await h.call('chat.send', { model: MODEL, content: 'still [sim tokens=3]' })).ok).toBe(true)
  })

  it('raising the budget lifts the stop', async () => {
    await chat('spend [sim tokens=30]')
    const { budget } = await h.ok('usage.saveBudget', { scope: { type: 'all' }, amountMicro: 1, hardStop: true })
    expect((await h.call('chat.send', { model: MODEL, content: 'x' })).ok).toBe(false)
    await h.ok('usage.saveBudget', { id: budget.id, scope: { type: 'all' }, amountMicro: 1_000_000_000 })
    expect((await h.call('chat.send', { model: MODEL, content: 'y [sim tokens=3]' })).ok).toBe(true)
  })
})

describe('price overrides', () => {
  it('price calls from their date and refuse an empty price list', async () => {
    const { id } = await h.ok('usage.saveOverride', { model: MODEL, effectiveFrom: 0, currency: 'USD', input: 0, output: 0, note: 'free tier' })
    await chat('free [sim tokens=20]')
    expect(ledger().find((r) => r.kind === 'chat')).toMatchObject({ costMicroUsd: 0, priceSource: `override:${id}` })
    const r = await h.call('usage.saveOverride', { model: MODEL, effectiveFrom: 0, currency: 'USD' })
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
  })
})

/** Export and import over a real database: the byte-identical round trip, other apps' exports, refusals. */
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../shared/errors'
import { HistoryFixture } from '../conversations/testing/history-fixture'
import { ExportService } from './export-service'
import { HistoryTables } from './history-tables'
import { ImportService, type ImportFile } from './import-service'
import { chatGptConversation, claudeConversation } from './testing/foreign-exports'

let f: HistoryFixture
let exporter: ExportService
let importer: ImportService
beforeEach(() => {
  f = new HistoryFixture()
  const tables = new HistoryTables(f.db)
  exporter = new ExportService(tables, () => f.now)
  importer = new ImportService(f.db, tables)
})
afterEach(() => f.close())

const json = (fileName: string, value: unknown): ImportFile => ({ fileName, encoding: 'utf8', data: JSON.stringify(value) })
const zip = (fileName: string, files: Record<string, unknown>): ImportFile => ({
  fileName,
  encoding: 'base64',
  data: Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([n, v]) => [n, strToU8(JSON.stringify(v))])))).toString('base64'),
})
const withoutHeader = (data: string) => data.replace(/"exportedAt": \d+/, '"exportedAt": 0')
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppErrorException) return err.appError.message
    throw err
  }
  throw new Error('expected a refusal')
}

function seedHistory(): void {
  f.conversation('a', ['Question with "quotes" and émojis 🎉', 'Answer\nwith lines'], 10)
  f.conversation('b', ['中文消息', 'reply'], 20)
  // A second version of b's answer: a branch, and its settings, pin and archive marks.
  f.messages.insert({ id: 'b-v2', conversationId: 'b', parentId: 'b-m0', role: 'assistant', content: 'another reply', status: 'stopped', model: 'x', createdAt: 30 })
  f.conversations.updateSettings('b', { systemPrompt: 'Be brief', params: { temperature: 0.3 } })
  f.history.setPinned(['a'], true)
  f.history.setArchived(['b'], true)
}

describe('the JSON export', () => {
  it('survives export, wipe, import, export byte for byte (but for the export time)', () => {
    seedHistory()
    const first = exporter.export(undefined, 'json')
    for (const id of ['a', 'b']) f.conversations.delete(id)
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 })
    f.now += 5000
    expect(importer.import({ fileName: first.fileName, encoding: 'utf8', data: first.data })).toEqual({ imported: 2, skipped: 0 })
    const second = exporter.export(undefined, 'json')
    expect(second.data).not.toBe(first.data)
    expect(withoutHeader(second.data)).toBe(withoutHeader(first.data))
    // Imported text is searchable at once (the index triggers ran).
    expect(f.history.searchMessages('émojis').groups.map((g) => g.id)).toEqual(['a'])
  })

  it('carries every column, including ones added after this code was written', () => {
    seedHistory()
    const exported = JSON.parse(exporter.export(['b'], 'json').data)
    expect(Object.keys(exported.conversations[0]).sort()).toEqual(
      ['archived_at', 'created_at', 'id', 'leaf_id', 'messages', 'model', 'params_json', 'pinned_at', 'system_prompt', 'title', 'title_source', 'updated_at'],
    )
    expect(exported.conversations[0].messages.map((m: { id: string }) => m.id)).toEqual(['b-m0', 'b-m1', 'b-v2'])
    f.db.exec("ALTER TABLE messages ADD COLUMN thinking TEXT NOT NULL DEFAULT ''")
    f.db.prepare('UPDATE messages SET thinking = ? WHERE id = ?').run('Let me think', 'b-m1')
    const withThinking = new ExportService(new HistoryTables(f.db), () => f.now).export(['b'], 'json')
    expect(JSON.parse(withThinking.data).conversations[0].messages[1]).toMatchObject({ thinking: 'Let me think' })
  })

  it('skips conversations already in the history, so importing twice is harmless', () => {
    seedHistory()
    const file = exporter.export(undefined, 'json')
    expect(importer.preview({ ...file, encoding: 'utf8' }).conversations.map((c) => c.alreadyImported)).toEqual([true, true])
    expect(importer.import({ ...file, encoding: 'utf8' })).toEqual({ imported: 0, skipped: 2 })
  })

  it('exports the visible thread as readable Markdown', () => {
    seedHistory()
    const md = exporter.export(['b'], 'markdown')
    expect(md).toMatchObject({ mimeType: 'text/markdown', fileName: expect.stringMatching(/\.md$/) })
    expect(md.data).toContain('# Chat b')
    expect(md.data).toContain('### You\n\n中文消息')
    expect(md.data).toContain('### Assistant\n\nanother reply')
    expect(md.data).not.toContain('\nreply\n')
  })
})

describe('importing other apps', () => {
  it('imports a ChatGPT conversations.json with its branches, times, hidden and dangling nodes', () => {
    const file = json('conversations.json', [chatGptConversation()])
    expect(importer.preview(file)).toEqual({
      format: 'chatgpt',
      problems: [],
      conversations: [{ index: 0, title: 'Trip to Lisbon', messageCount: 5, createdAt: 1_700_000_000_500, alreadyImported: false }],
    })
    expect(importer.import(file)).toEqual({ imported: 1, skipped: 0 })
    const view = f.history.view('cg-conv-1')
    // The thread on screen is ChatGPT's current node; the first question is another version.
    expect(view.messages.map((m) => m.content)).toEqual(['Flights and hotel in Lisbon?', 'About 840 euros together.'])
    // Every first question is a version of the first message, the orphan (now a root) too.
    const contents = (ids: string[] = []) => ids.map((id) => f.messages.get(id)?.content)
    expect(contents(view.messages[0]?.versionIds)).toEqual(['Flights to Lisbon?', 'Flights and hotel in Lisbon?', 'A message whose parent is gone'])
    expect(view).toMatchObject({ createdAt: 1_700_000_000_500, updatedAt: 1_700_000_100_250, model: 'gpt-4o' })
    const firstQuestion = view.messages[0]?.versionIds[0] ?? ''
    expect(f.history.selectVersion(firstQuestion).messages.map((m) => m.content)).toEqual(['Flights to Lisbon?', 'Around 120 euros.'])
    expect(importer.import(file)).toEqual({ imported: 0, skipped: 1 })
  })

  it('reads the ZIP as downloaded, with conversations split over numbered files', () => {
    const file = zip('chatgpt-export.zip', {
      'conversations-000.json': [chatGptConversation('one')],
      'conversations-001.json': [chatGptConversation('two')],
      'chat.html': '<html>',
      'user-uploads/../../evil.txt': 'ignored',
    })
    expect(importer.preview(file).conversations.map((c) => c.title)).toEqual(['Trip to Lisbon', 'Trip to Lisbon'])
    expect(importer.import(file)).toEqual({ imported: 2, skipped: 0 })
    expect(f.history.page().items.map((c) => c.id).sort()).toEqual(['cg-one', 'cg-two'])
  })

  it('imports Claude conversations', () => {
    expect(importer.import(json('conversations.json', [claudeConversation()]))).toEqual({ imported: 1, skipped: 0 })
    expect(f.history.view('cl-c-uuid-1')).toMatchObject({
      title: 'Haiku help',
      createdAt: Date.parse('2024-03-01T10:00:00.000Z'),
      messages: [{ role: 'user', content: 'Write a haiku' }, { role: 'assistant', content: 'Old pond, a frog' }],
    })
  })
})

describe('refusing bad files whole', () => {
  it('reports each invalid record by index and writes nothing', () => {
    seedHistory()
    const good = JSON.parse(exporter.export(undefined, 'json').data)
    for (const id of ['a', 'b']) f.conversations.delete(id)
    good.conversations[1].messages[0].role = 'robot'
    good.conversations.push({ id: 'c' })
    const file = json('mine.json', good)
    expect(importer.preview(file).problems).toEqual([
      { file: 'mine.json', index: 1, reason: expect.stringMatching(/^messages\.0\.role: /) },
      { file: 'mine.json', index: 2, reason: expect.stringMatching(/^title: /) },
    ])
    expect(refusal(() => importer.import(file))).toMatch(/^Nothing was imported: 2 record\(s\) are invalid, the first in mine.json at index 1/)
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM conversations').get()).toEqual({ n: 0 })
  })

  it('rolls back everything when a write fails half-way', () => {
    seedHistory()
    const file = JSON.parse(exporter.export(undefined, 'json').data)
    for (const id of ['a', 'b']) f.conversations.delete(id)
    f.conversation('x', ['taken'], 1)
    // Valid records, but b's first message reuses an id that is already stored: found only when writing.
    file.conversations[1].messages[0].id = 'x-m0'
    file.conversations[1].messages[1].parent_id = 'x-m0'
    file.conversations[1].messages[2].parent_id = 'x-m0'
    expect(refusal(() => importer.import(json('mine.json', file)))).toMatch(/^Nothing was imported: "Chat b" could not be stored/)
    expect(f.history.page({ archived: 'include' }).items.map((c) => c.id)).toEqual(['x'])
  })

  it('says what is wrong with files it cannot read', () => {
    expect(refusal(() => importer.preview({ fileName: 'x.json', encoding: 'utf8', data: '{"hello": 1}' }))).toMatch(/not an export this app reads/)
    expect(importer.preview({ fileName: 'x.json', encoding: 'utf8', data: '[{' }).problems).toEqual([
      { file: 'x.json', index: null, reason: expect.stringMatching(/^not valid JSON/) },
    ])
    expect(refusal(() => importer.preview({ fileName: 'x.zip', encoding: 'base64', data: 'bm90IGEgemlw' }))).toMatch(/not a readable ZIP/)
    expect(refusal(() => importer.preview(zip('x.zip', { 'readme.txt': 'hi' })))).toMatch(/holds no conversations.json/)
  })
})

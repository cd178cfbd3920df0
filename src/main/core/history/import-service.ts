/**
 * Import: our JSON, ChatGPT's export (the ZIP as downloaded, conversations.json or its
 * conversations-NNN.json parts) and Claude's conversations.json. Every record is checked
 * first; if any is bad nothing is written and each problem is reported by file and
 * index. The writes happen in one transaction, so a failure half-way leaves no trace.
 * Conversations already in the history (same id) are skipped: importing twice is harmless.
 * Nothing is written to disk but SQLite rows (attachments are not imported yet).
 */
import { strFromU8, unzipSync } from 'fflate'
import type { ImportFormat, ImportPreview, ImportProblem, ImportResult } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { Db } from '../kernel/db/database'
import type { ConversationRecord, HistoryTables } from './history-tables'
import { looksLikeChatGpt, parseChatGpt } from './importers/chatgpt'
import { looksLikeClaude, parseClaude } from './importers/claude'
import { looksLikeOurs, parseOurs } from './importers/ours'
import type { ParsedConversation } from './importers/parsed'

export interface ImportFile {
  fileName: string
  encoding: 'utf8' | 'base64'
  data: string
}

/** More than this unpacked from a ZIP is refused: a small hostile file must not fill the memory. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
const CONVERSATION_FILE = /(^|\/)conversations(-\d+)?\.json$/

interface Planned {
  format: ImportFormat
  entries: { file: string; parsed: ParsedConversation }[]
  problems: ImportProblem[]
}

const refuse = (message: string): never => {
  throw new AppErrorException(appError('invalid_input', message))
}

export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly tables: HistoryTables,
  ) {}

  preview(file: ImportFile): ImportPreview {
    const plan = this.plan(file)
    return {
      format: plan.format,
      problems: plan.problems,
      conversations: plan.entries.flatMap(({ parsed }) =>
        parsed.record
          ? [{
              index: parsed.index,
              title: String(parsed.record.conversation.title),
              messageCount: parsed.record.messages.length,
              createdAt: Number(parsed.record.conversation.created_at),
              alreadyImported: this.tables.exists(String(parsed.record.conversation.id)),
            }]
          : [],
      ),
    }
  }

  import(file: ImportFile): ImportResult {
    const plan = this.plan(file)
    if (plan.problems.length > 0) {
      const first = plan.problems[0]
      refuse(`Nothing was imported: ${plan.problems.length} record(s) are invalid, the first in ${first?.file} at index ${first?.index ?? '-'}: ${first?.reason}. Preview the file for the full list.`)
    }
    const records = plan.entries.flatMap(({ parsed }) => (parsed.record ? [parsed.record] : []))
    let imported = 0
    this.db.transaction(() => {
      // Parents may be written after their children (rows keep the file's order).
      this.db.pragma('defer_foreign_keys = ON')
      for (const record of records) {
        if (this.tables.exists(String(record.conversation.id))) continue
        this.write(record)
        imported++
      }
    })()
    return { imported, skipped: records.length - imported }
  }

  private write(record: ConversationRecord): void {
    try {
      this.tables.write(record)
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      refuse(`Nothing was imported: "${String(record.conversation.title)}" could not be stored (${reason}).`)
    }
  }

  private plan(file: ImportFile): Planned {
    const documents = this.documents(file)
    const planned: Planned = { format: 'mistral-desk', entries: [], problems: [] }
    let detected: ImportFormat | null = null
    for (const doc of documents) {
      let json: unknown
      try {
        json = JSON.parse(doc.text)
      } catch (err) {
        planned.problems.push({ file: doc.name, index: null, reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})` })
        continue
      }
      const { format, items, parse } = this.recognize(json, doc.name)
      if (detected && detected !== format) refuse(`${doc.name} is a ${format} export, but the rest of the file is ${detected}; import them separately.`)
      detected = format
      items.forEach((item, index) => {
        const parsed = parse(item, index)
        if (parsed.problem) planned.problems.push({ file: doc.name, index, reason: parsed.problem })
        planned.entries.push({ file: doc.name, parsed })
      })
    }
    planned.format = detected ?? 'mistral-desk'
    return planned
  }

  private recognize(json: unknown, name: string): { format: ImportFormat; items: unknown[]; parse: (item: unknown, index: number) => ParsedConversation } {
    if (looksLikeOurs(json)) {
      if (!Array.isArray(json.conversations)) refuse(`${name} has no list of conversations.`)
      return { format: 'mistral-desk', items: json.conversations as unknown[], parse: parseOurs }
    }
    if (Array.isArray(json)) {
      if (json.length === 0 || looksLikeChatGpt(json)) return { format: 'chatgpt', items: json, parse: parseChatGpt }
      if (looksLikeClaude(json)) return { format: 'claude', items: json, parse: parseClaude }
    }
    return refuse(`${name} is not an export this app reads: expected a Mistral Desk, ChatGPT or Claude export.`)
  }

  /** The JSON documents of the file: itself, or the conversation files inside a ZIP. */
  private documents(file: ImportFile): { name: string; text: string }[] {
    if (file.encoding === 'utf8') return [{ name: file.fileName, text: file.data }]
    const bytes = Buffer.from(file.data, 'base64')
    let total = 0
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(bytes, {
        filter: (f) => {
          total += f.originalSize
          if (total > MAX_UNZIPPED_BYTES) refuse(`${file.fileName} unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB; export fewer conversations.`)
          return CONVERSATION_FILE.test(f.name)
        },
      })
    } catch (err) {
      if (err instanceof AppErrorException) throw err
      return refuse(`${file.fileName} is not a readable ZIP file (${err instanceof Error ? err.message : String(err)}).`)
    }
    const names = Object.keys(entries).sort()
    if (names.length === 0) refuse(`${file.fileName} holds no conversations.json: is it a ChatGPT data export?`)
    return names.map((name) => ({ name, text: strFromU8(entries[name] ?? new Uint8Array()) }))
  }
}

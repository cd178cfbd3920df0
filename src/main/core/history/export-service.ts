/**
 * Export: our JSON (lossless: every column of every message, every version) or Markdown
 * (the visible thread, readable). The JSON is deterministic: sorted keys, rows in a stable
 * order, and the export time only in the `exportedAt` header field.
 */
import type { ExportFile, MessageRole } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import { MessageTree } from '../conversations/message-tree'
import type { ConversationRecord, HistoryTables } from './history-tables'
import { stableStringify } from './stable-json'

export const EXPORT_FORMAT = 'mistral-desk.history'
export const EXPORT_VERSION = 1

export interface HistoryExport {
  format: typeof EXPORT_FORMAT
  version: number
  /** When the file was made: the one field that differs between two exports of the same history. */
  exportedAt: number
  conversations: Record<string, unknown>[]
}

export class ExportService {
  constructor(
    private readonly tables: HistoryTables,
    private readonly now: () => number,
  ) {}

  export(ids: readonly string[] | undefined, format: 'json' | 'markdown'): ExportFile {
    const records = this.records(ids)
    const stamp = new Date(this.now()).toISOString().slice(0, 10)
    if (format === 'markdown') {
      return { fileName: `mistral-desk-${stamp}.md`, mimeType: 'text/markdown', encoding: 'utf8', data: records.map(toMarkdown).join('\n---\n\n') }
    }
    const payload: HistoryExport = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.now(),
      conversations: records.map((r) => ({ ...r.conversation, messages: r.messages })),
    }
    return { fileName: `mistral-desk-${stamp}.json`, mimeType: 'application/json', encoding: 'utf8', data: stableStringify(payload) }
  }

  private records(ids: readonly string[] | undefined): ConversationRecord[] {
    return (ids ?? this.tables.allIds()).map(
      (id) =>
        this.tables.read(id) ??
        (() => {
          throw new AppErrorException(appError('not_found', 'A conversation to export no longer exists; refresh the list and try again.'))
        })(),
    )
  }
}

const ROLE_LABEL: Record<string, string> = { user: 'You', assistant: 'Assistant', system: 'System' }

/** The thread on screen (root to the selected leaf), one heading per message. */
function toMarkdown({ conversation, messages }: ConversationRecord): string {
  const nodes = messages.map((m) => ({
    id: String(m.id),
    parentId: typeof m.parent_id === 'string' ? m.parent_id : null,
    role: m.role as MessageRole,
    seq: Number(m.seq),
    content: String(m.content),
  }))
  const tree = new MessageTree(nodes)
  const leaf = typeof conversation.leaf_id === 'string' && tree.get(conversation.leaf_id) ? conversation.leaf_id : (nodes.at(-1)?.id ?? null)
  const date = new Date(Number(conversation.created_at)).toISOString().replace('T', ' ').slice(0, 16)
  const head = `# ${String(conversation.title)}\n\n_${String(conversation.model)} · ${date} UTC_\n\n`
  const body = tree
    .pathTo(leaf)
    .map((m) => `### ${ROLE_LABEL[m.role] ?? m.role}\n\n${String(m.content)}\n`)
    .join('\n')
  return head + body
}

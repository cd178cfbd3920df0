/** One conversation of an import file: ready to write, or why it cannot be. */
import type { ConversationRecord } from '../history-tables'

export type ParsedConversation = { index: number; record: ConversationRecord; problem?: undefined } | { index: number; problem: string; record?: undefined }

/**
 * Conversations 3: pinned and archived conversations, a trash for undoing a delete, and
 * the index the paged sidebar list walks.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 3
export const name = 'pin-archive-trash'

export const sql = /* sql */ `
-- When the user pinned it; NULL when not pinned. Pinned conversations head the list.
ALTER TABLE conversations ADD COLUMN pinned_at INTEGER;
-- When the user archived it; NULL when not archived. Archived ones leave the default list.
ALTER TABLE conversations ADD COLUMN archived_at INTEGER;
-- When the user deleted it. The row (and its messages) stay until the undo window has
-- passed, then are purged; everything that reads history skips these rows.
ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;

-- The sidebar pages through live conversations in this exact order (see conversations-repo.ts).
CREATE INDEX conversations_by_list_order ON conversations (
  (pinned_at IS NOT NULL) DESC, updated_at DESC, id DESC
) WHERE deleted_at IS NULL;
CREATE INDEX conversations_trash ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;
`

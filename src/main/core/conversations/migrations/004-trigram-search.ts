/**
 * Conversations 4: substring search for scripts written without spaces (Chinese, Japanese,
 * Thai) and for Korean, whose particles stick to the word. unicode61 makes a whole CJK
 * sentence one token, so messages_fts cannot find a word inside it; a trigram index can.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 4
export const name = 'trigram-search'

/**
 * Only messages with such characters are indexed, which keeps the index a fraction of
 * the text's size in mostly-Latin histories. Kept in step with search/scripts.ts.
 */
const HAS_UNSPACED_SCRIPT = `GLOB '*[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]*'`

export const sql = /* sql */ `
-- A plain FTS5 table (it keeps its own copy of the text) keyed by messages.pk: an
-- external-content index may not skip rows of its content table.
CREATE VIRTUAL TABLE messages_trigram USING fts5 (
  content,
  tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO messages_trigram (rowid, content)
  SELECT pk, content FROM messages WHERE content ${HAS_UNSPACED_SCRIPT};
CREATE TRIGGER messages_trigram_insert AFTER INSERT ON messages
  WHEN new.content ${HAS_UNSPACED_SCRIPT} BEGIN
  INSERT INTO messages_trigram (rowid, content) VALUES (new.pk, new.content);
END;
CREATE TRIGGER messages_trigram_delete AFTER DELETE ON messages BEGIN
  DELETE FROM messages_trigram WHERE rowid = old.pk;
END;
CREATE TRIGGER messages_trigram_update AFTER UPDATE OF content ON messages BEGIN
  DELETE FROM messages_trigram WHERE rowid = old.pk;
  INSERT INTO messages_trigram (rowid, content) SELECT new.pk, new.content WHERE new.content ${HAS_UNSPACED_SCRIPT};
END;
`

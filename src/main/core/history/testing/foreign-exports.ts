/**
 * Small exports in the shapes ChatGPT and Claude produce, with the untidy parts of real
 * ones: ChatGPT's message-less root, a hidden system node, an edited question (a branch),
 * a node whose parent is missing and a child id that points nowhere. Test-only.
 */
const node = (id: string, parent: string | null, children: string[], message: unknown) => ({ id, parent, children, message })
const msg = (id: string, role: string, text: string, time: number, extra: Record<string, unknown> = {}) => ({
  id,
  author: { role, name: null, metadata: {} },
  create_time: time,
  content: { content_type: 'text', parts: [text] },
  metadata: {},
  ...extra,
})

export function chatGptConversation(id = 'conv-1') {
  return {
    id,
    conversation_id: id,
    title: 'Trip to Lisbon',
    create_time: 1_700_000_000.5,
    update_time: 1_700_000_100.25,
    current_node: 'a2',
    mapping: {
      root: node('root', null, ['sys'], null),
      sys: node('sys', 'root', ['q1', 'q1b'], msg('sys', 'system', '', 1_700_000_000, { metadata: { is_visually_hidden_from_conversation: true } })),
      q1: node('q1', 'sys', ['a1'], msg('q1', 'user', 'Flights to Lisbon?', 1_700_000_001)),
      a1: node('a1', 'q1', ['ghost'], msg('a1', 'assistant', 'Around 120 euros.', 1_700_000_002, { metadata: { model_slug: 'gpt-4o' } })),
      // The user edited the question: a second branch from the same parent.
      q1b: node('q1b', 'sys', ['a2'], msg('q1b', 'user', 'Flights and hotel in Lisbon?', 1_700_000_010)),
      a2: node('a2', 'q1b', [], msg('a2', 'assistant', 'About 840 euros together.', 1_700_000_011, { metadata: { model_slug: 'gpt-4o' } })),
      // Its parent is not in the file.
      orphan: node('orphan', 'missing-node', [], msg('orphan', 'user', 'A message whose parent is gone', 1_700_000_020)),
    },
  }
}

export function claudeConversation() {
  return {
    uuid: 'c-uuid-1',
    name: 'Haiku help',
    created_at: '2024-03-01T10:00:00.000Z',
    updated_at: '2024-03-01T10:05:00.000Z',
    chat_messages: [
      { uuid: 'm1', sender: 'human', text: 'Write a haiku', created_at: '2024-03-01T10:00:00.000Z', attachments: [], files: [] },
      { uuid: 'm2', sender: 'assistant', text: '', content: [{ type: 'text', text: 'Old pond, a frog' }], created_at: '2024-03-01T10:00:05.000Z' },
    ],
  }
}

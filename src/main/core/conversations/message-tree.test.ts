import { describe, expect, it } from 'vitest'
import { MessageTree, type ThreadNode } from './message-tree'

let seq = 0
const n = (id: string, parentId: string | null, role: ThreadNode['role']): ThreadNode => ({ id, parentId, role, seq: ++seq })

/**
 *   u1 ─ a1 ─ u2 ─ a2
 *      ├ a1b ─ u3 ─ a3        (a1b: a second version of the reply, grown further)
 *      └ a1c                  (a third, never answered)
 *   u1b ─ a4                  (an edited first message)
 */
function sample() {
  seq = 0
  return new MessageTree([
    n('u1', null, 'user'),
    n('a1', 'u1', 'assistant'),
    n('u2', 'a1', 'user'),
    n('a2', 'u2', 'assistant'),
    n('a1b', 'u1', 'assistant'),
    n('u3', 'a1b', 'user'),
    n('a3', 'u3', 'assistant'),
    n('a1c', 'u1', 'assistant'),
    n('u1b', null, 'user'),
    n('a4', 'u1b', 'assistant'),
  ])
}

const ids = (nodes: readonly ThreadNode[]) => nodes.map((x) => x.id)

describe('MessageTree', () => {
  it('walks from a leaf up to the root, root first', () => {
    const tree = sample()
    expect(ids(tree.pathTo('a2'))).toEqual(['u1', 'a1', 'u2', 'a2'])
    expect(ids(tree.pathTo('a4'))).toEqual(['u1b', 'a4'])
    expect(tree.pathTo(null)).toEqual([])
    expect(tree.pathTo('missing')).toEqual([])
  })

  it('lists versions as same-parent, same-role siblings, oldest first', () => {
    const tree = sample()
    const at = (id: string) => tree.get(id) as ThreadNode
    expect(tree.versionIds(at('a1'))).toEqual(['a1', 'a1b', 'a1c'])
    expect(tree.versionIds(at('a1c'))).toEqual(['a1', 'a1b', 'a1c'])
    expect(tree.versionIds(at('u1'))).toEqual(['u1', 'u1b'])
    expect(tree.versionIds(at('u2'))).toEqual(['u2'])
  })

  it('selecting a version leads to the newest leaf grown under it', () => {
    const tree = sample()
    expect(tree.latestLeafUnder('a1')?.id).toBe('a2')
    expect(tree.latestLeafUnder('a1b')?.id).toBe('a3')
    expect(tree.latestLeafUnder('a1c')?.id).toBe('a1c')
    expect(tree.latestLeafUnder('u1')?.id).toBe('a1c')
    expect(tree.latestLeafUnder('missing')).toBeNull()
  })

  it('resolves a stale or missing leaf to the newest leaf of the conversation', () => {
    const tree = sample()
    expect(tree.resolveLeaf('a3')?.id).toBe('a3')
    expect(tree.resolveLeaf('gone')?.id).toBe('a4')
    expect(tree.resolveLeaf(null)?.id).toBe('a4')
    expect(new MessageTree([]).resolveLeaf(null)).toBeNull()
  })

  it('treats a parent outside the conversation as a root and survives a cycle', () => {
    seq = 0
    const orphan = new MessageTree([n('x', 'elsewhere', 'user'), n('y', 'x', 'assistant')])
    expect(ids(orphan.pathTo('y'))).toEqual(['x', 'y'])
    expect(orphan.versionIds(orphan.get('x') as ThreadNode)).toEqual(['x'])
    const cyclic = new MessageTree([n('p', 'q', 'user'), n('q', 'p', 'assistant')])
    expect(ids(cyclic.pathTo('q'))).toEqual(['p', 'q'])
    expect(cyclic.latestLeafUnder('p')?.id).toBe('p')
  })
})

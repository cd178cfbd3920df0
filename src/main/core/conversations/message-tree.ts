/**
 * Walking a conversation's message tree. Every message points at the one it follows
 * (parentId); versions of a message are its siblings with the same role. The thread
 * on screen is the walk up from the conversation's leaf. Pure: built from the rows of
 * one conversation, so it is tested without SQLite.
 */
import type { MessageRole } from '../../../shared/domain'

export interface ThreadNode {
  id: string
  parentId: string | null
  role: MessageRole
  /** Creation order within the conversation: orders versions and picks the newest leaf. */
  seq: number
}

export class MessageTree<T extends ThreadNode> {
  private readonly byId = new Map<string, T>()
  /** Children by parent id (null: the roots), in creation order. */
  private readonly children = new Map<string | null, T[]>()
  private readonly sorted: readonly T[]

  constructor(rows: readonly T[]) {
    const sorted = [...rows].sort((a, b) => a.seq - b.seq)
    this.sorted = sorted
    for (const row of sorted) this.byId.set(row.id, row)
    for (const row of sorted) {
      // A parent that is not in this conversation (it cannot be, but rows come from disk) makes a root.
      const parent = row.parentId !== null && this.byId.has(row.parentId) ? row.parentId : null
      const list = this.children.get(parent) ?? []
      list.push(row)
      this.children.set(parent, list)
    }
  }

  get(id: string): T | null {
    return this.byId.get(id) ?? null
  }

  childrenOf(id: string | null): readonly T[] {
    return this.children.get(id) ?? []
  }

  /** From the root down to `id`, inclusive; empty for null or an unknown id. */
  pathTo(id: string | null): T[] {
    const path: T[] = []
    const seen = new Set<string>()
    let node = id === null ? null : this.get(id)
    // `seen` guards against a cycle in hand-edited data: the walk must end.
    while (node && !seen.has(node.id)) {
      seen.add(node.id)
      path.push(node)
      node = node.parentId === null ? null : this.get(node.parentId)
    }
    return path.reverse()
  }

  /** Every version of the message: siblings with the same parent and role, oldest first. */
  versionIds(node: T): string[] {
    const parent = node.parentId !== null && this.byId.has(node.parentId) ? node.parentId : null
    return this.childrenOf(parent)
      .filter((sibling) => sibling.role === node.role)
      .map((sibling) => sibling.id)
  }

  /**
   * The most recently created message without children under `id` (itself if it has
   * none). Selecting a version shows the thread that was last grown below it.
   */
  latestLeafUnder(id: string): T | null {
    const start = this.get(id)
    if (!start) return null
    let best: T = start
    let bestIsLeaf = false
    const stack = [start]
    const seen = new Set<string>()
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (seen.has(node.id)) continue
      seen.add(node.id)
      const kids = this.childrenOf(node.id)
      if (kids.length === 0 && (!bestIsLeaf || node.seq > best.seq)) {
        best = node
        bestIsLeaf = true
      }
      stack.push(...kids)
    }
    return best
  }

  /**
   * The leaf to show: the stored one when it still exists, else the newest message
   * (a stale or missing leaf_id must not hide a conversation's messages).
   */
  resolveLeaf(leafId: string | null): T | null {
    return (leafId !== null ? this.get(leafId) : null) ?? this.newestLeaf()
  }

  /** The most recently created message without children, in the whole conversation. */
  newestLeaf(): T | null {
    for (let i = this.sorted.length - 1; i >= 0; i--) {
      const node = this.sorted[i] as T
      if (this.childrenOf(node.id).length === 0) return node
    }
    return null
  }
}

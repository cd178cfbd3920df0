/**
 * The virtualizer's visible indexes plus the row holding keyboard focus. Unmounting the
 * focused row would drop focus to <body> and lose the user's place, so it stays mounted
 * even when scrolled out of view.
 */
export function withFocusedRow(indexes: number[], focused: number): number[] {
  const first = indexes[0]
  const last = indexes[indexes.length - 1]
  if (focused < 0 || first === undefined || last === undefined) return indexes
  if (focused < first) return [focused, ...indexes]
  if (focused > last) return [...indexes, focused]
  return indexes
}

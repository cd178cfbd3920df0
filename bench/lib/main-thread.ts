/** Long tasks and long animation frames the page recorded, cut to a time window. */
import type { Page } from 'playwright-core'
import { probe } from './app-page'

interface Span {
  start: number
  duration: number
}

export interface FrameScript {
  invoker: string
  source: string
  duration: number
  forcedStyleAndLayout: number
}

export interface AnimationFrame extends Span {
  blocking: number
  rendering: number
  styleAndLayout: number
  scripts: FrameScript[]
}

export interface MainThread {
  longestTask: number
  longTaskTotal: number
  longTasks: number
  longestFrame: AnimationFrame | null
}

/** Everything that overlaps [from, to] (page time, ms). */
export async function mainThreadBetween(page: Page, from: number, to: number): Promise<MainThread> {
  const overlaps = (s: Span) => s.start + s.duration > from && s.start < to
  const tasks = (await probe<Span[]>(page, 'longTasks')).filter(overlaps)
  const frames = (await probe<AnimationFrame[]>(page, 'animationFrames')).filter(overlaps)
  const longestFrame = frames.reduce<AnimationFrame | null>((a, f) => (a && a.duration >= f.duration ? a : f), null)
  return {
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    longTaskTotal: tasks.reduce((sum, t) => sum + t.duration, 0),
    longTasks: tasks.length,
    longestFrame,
  }
}

/** "140 ms frame: 96 ms in index.js:applyDeltas (FrameRequestCallback), style+layout 30 ms". */
export function describeFrame(frame: AnimationFrame | null): string {
  if (!frame) return 'no long animation frame'
  const scripts = frame.scripts
    .map((s) => `${s.duration.toFixed(0)} ms in ${s.source || '(unknown)'} (${s.invoker}${s.forcedStyleAndLayout > 1 ? `, ${s.forcedStyleAndLayout.toFixed(0)} ms forced layout` : ''})`)
    .join('; ')
  return `${frame.duration.toFixed(0)} ms frame: ${scripts || 'no script attributed'}; rendering ${frame.rendering.toFixed(0)} ms (style+layout ${frame.styleAndLayout.toFixed(0)} ms)`
}

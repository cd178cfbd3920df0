/**
 * The app shell: which main view is showing, and whether the host connection is gone.
 * Navigation is two views, so a router would be more machinery than it saves.
 */
import { create } from 'zustand'
import type { AppError } from '../../../shared/errors'

export type View = 'chat' | 'settings'

interface AppState {
  view: View
  connectionError: AppError | null
}

export const useAppStore = create<AppState>(() => ({ view: 'chat', connectionError: null }))

export function showView(view: View): void {
  useAppStore.setState({ view })
}

export function setConnectionError(error: AppError): void {
  useAppStore.setState({ connectionError: error })
}

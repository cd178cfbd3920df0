/** The shell's own state: whether the host connection is gone. Where the window is lives in the address (navigation.ts). */
import { create } from 'zustand'
import type { AppError } from '../../../shared/errors'

interface AppState {
  connectionError: AppError | null
}

const useAppStore = create<AppState>(() => ({ connectionError: null }))

export function useConnectionError(): AppError | null {
  return useAppStore((s) => s.connectionError)
}

export function setConnectionError(error: AppError): void {
  useAppStore.setState({ connectionError: error })
}

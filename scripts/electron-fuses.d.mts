/** Types for electron-fuses.mjs, so TypeScript tests can call it. */
import type { FuseV1Options } from '@electron/fuses'

export const FUSES: Partial<Record<FuseV1Options, boolean>>
export function packagedElectronPath(context: {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string }; executableName: string }
}): string
export function applyFuses(electronPath: string, target: { platform: string; arch: number }): Promise<void>
export default function afterPack(context: unknown): Promise<void>

/**
 * Electron's fuses for the packaged app, flipped by electron-builder's afterPack hook
 * (electron-builder.yml) before the app is signed. Fuses are bits compiled into the
 * Electron binary that switch features off for good, whatever the environment says:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node that runs
 *   any script with the user's keychain access;
 * - NodeOptions and NodeCliInspectArguments off: no NODE_OPTIONS, no --inspect to attach
 *   a debugger and read the key from memory;
 * - CookieEncryption on: Chromium's cookie store is encrypted with the OS keychain;
 * - EmbeddedAsarIntegrityValidation and OnlyLoadAppFromAsar on: only the app.asar that
 *   was packaged (and hashed) is loaded, not an app/ folder dropped beside it;
 * - GrantFileProtocolExtraPrivileges off: the renderer is served from app://, so file://
 *   needs none of its legacy privileges.
 * e2e/static/packaging.test.ts flips them on a stand-in binary and reads them back.
 *
 * (Here rather than electron-builder's own `electronFuses`, which needs electron-builder
 * 26, whose @electron/rebuild 4 requires Node 22.)
 */
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'
import { join } from 'node:path'

export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** electron-builder's Arch enum value for arm64. */
const ARCH_ARM64 = 3

/** The file that holds the fuse wire, from electron-builder's afterPack context. */
export function packagedElectronPath({ appOutDir, electronPlatformName, packager }) {
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

export async function applyFuses(electronPath, { platform, arch }) {
  await flipFuses(electronPath, {
    version: FuseVersion.V1,
    // Flipping bits breaks the ad-hoc signature Apple Silicon insists on; electron-builder re-signs after this hook.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === ARCH_ARM64,
    ...FUSES,
  })
}

/** electron-builder afterPack hook. */
export default async function afterPack(context) {
  await applyFuses(packagedElectronPath(context), { platform: context.electronPlatformName, arch: context.arch })
}

/** Types for electron-sqlite.mjs, so TypeScript specs can call it. */
export function electronSqliteBinding(root: string, electronExecutable: string): { path: string } | { reason: string }
export function adoptElectronSqliteBinding(root: string, file: string): { path: string } | { reason: string }

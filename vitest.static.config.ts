import { defineConfig } from 'vitest/config'

// Checks that read the build output (out/), for the Electron shell that cannot run here.
export default defineConfig({
  test: {
    include: ['e2e/static/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
})

import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Two Node entries share the core: the Electron shell and the browser host.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can load neither ESM nor npm modules: bundle everything into one CJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [react()],
    // Relative asset URLs let the same bundle load from the app:// protocol and from the browser host.
    base: './',
    // electron-vite leaves the renderer unminified by default; markdown, KaTeX and highlight.js make that costly.
    build: { minify: true },
  },
})

import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // The SDK ships as ~1,200 ESM files; importing them one by one took most of the
      // host's 1.1 s start (BENCHMARKS.md, cold-start). Bundled, it loads in ~0.2 s.
      externalizeDeps: { exclude: ['@mistralai/mistralai'] },
      rollupOptions: {
        // The SDK's optional tracing peer: loaded only if the app installs it, which it does not.
        external: [/^@opentelemetry\//],
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
    build: {
      minify: true,
      // Fonts stay files: an inlined data: font (KaTeX_Size3 is under Vite's 4 KB limit) is
      // refused by the page's CSP, which allows fonts from 'self' only.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    },
  },
})

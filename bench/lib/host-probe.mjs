/**
 * Preloaded into the browser host by the benchmarks only (node --expose-gc --import
 * this-file out/main/web.js): on SIGUSR2 it collects garbage and prints
 * process.memoryUsage() on stderr, so a benchmark can read the host's heap after GC
 * without any change to the host itself.
 */
process.on('SIGUSR2', () => {
  // Twice: the first pass can leave objects whose finalizers free more on the second.
  for (let i = 0; i < 2; i++) globalThis.gc?.()
  process.stderr.write(`[bench-memory] ${JSON.stringify({ gc: typeof globalThis.gc === 'function', ...process.memoryUsage() })}\n`)
})

// Module resolve hook: 'electron' (imported by the bundle and by electron-store) maps to
// the stub; everything else, electron-store included, resolves as usual.
const STUB_URL = new URL('./electron-stub.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB_URL, shortCircuit: true }
  return nextResolve(specifier, context)
}

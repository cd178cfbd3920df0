/** The domain types, one file per feature; import them from here. */
export * from './keys'
export * from './models'
export * from './conversations'
export * from './presets'
export * from './usage'
export * from './chat'
export * from './documents'

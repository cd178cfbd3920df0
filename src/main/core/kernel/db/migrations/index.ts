/** Every migration, in order. A new schema change is a new file appended here. */
import * as m001 from './001-initial'
import * as m002 from './002-threads-settings-presets'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: readonly Migration[] = [m001, m002]

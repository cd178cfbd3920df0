/** The presets table: named starting points for new chats. Statements prepared once, here only. */
import type { ConversationSettings, Preset } from '../../../shared/domain'
import type { Db } from '../kernel/db/database'
import { paramsFromJson, paramsToJson } from '../kernel/db/params-json'

interface Row {
  id: string
  name: string
  model: string
  system_prompt: string
  params_json: string
  created_at: number
}

const toPreset = (r: Row): Preset => ({
  id: r.id,
  name: r.name,
  model: r.model,
  systemPrompt: r.system_prompt,
  params: paramsFromJson(r.params_json),
  createdAt: r.created_at,
})

const COLUMNS = 'id, name, model, system_prompt, params_json, created_at'

export interface PresetFields extends ConversationSettings {
  name: string
  model: string
}

export class PresetsRepo {
  private readonly insertStmt
  private readonly updateStmt
  private readonly getStmt
  private readonly listStmt
  private readonly deleteStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO presets (id, name, model, system_prompt, params_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.updateStmt = db.prepare(
      'UPDATE presets SET name = ?, model = ?, system_prompt = ?, params_json = ?, updated_at = ? WHERE id = ?',
    )
    this.getStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM presets WHERE id = ?`)
    // By name, as a picker shows them; the id breaks ties so the order is stable.
    this.listStmt = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM presets ORDER BY name COLLATE NOCASE, created_at, id`)
    this.deleteStmt = db.prepare('DELETE FROM presets WHERE id = ?')
  }

  insert(id: string, fields: PresetFields, at: number): Preset {
    this.insertStmt.run(id, fields.name, fields.model, fields.systemPrompt, paramsToJson(fields.params), at, at)
    return this.get(id) as Preset
  }

  /** Null when there is no preset with this id. */
  update(id: string, fields: PresetFields, at: number): Preset | null {
    const changed = this.updateStmt.run(fields.name, fields.model, fields.systemPrompt, paramsToJson(fields.params), at, id)
    return changed.changes > 0 ? this.get(id) : null
  }

  get(id: string): Preset | null {
    const row = this.getStmt.get(id)
    return row ? toPreset(row) : null
  }

  list(): Preset[] {
    return this.listStmt.all().map(toPreset)
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}

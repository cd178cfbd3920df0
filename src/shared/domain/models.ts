/** Models the key can use, as summarized from GET /v1/models. */
export interface ModelSummary {
  id: string
  name: string
  description: string
  maxContextLength: number
  aliases: string[]
  capabilities: {
    chat: boolean
    functionCalling: boolean
    vision: boolean
    reasoning: boolean
    fim: boolean
    ocr: boolean
  }
  defaultTemperature: number | null
  deprecated: boolean
}

/** Token counts of one API call, as the API reported them. */
export interface Usage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

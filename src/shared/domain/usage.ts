/** Token counts of one API call, as the API reported them. */
export interface Usage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
  /** Prompt tokens served from the cache (included in promptTokens), where the API reported them. */
  cachedTokens?: number
  /** Seconds of audio in the prompt (`prompt_audio_seconds`). */
  audioSeconds?: number
}

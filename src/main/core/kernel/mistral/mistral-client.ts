/**
 * A thin wrapper over the official SDK. It owns one SDK instance per key and the
 * in-memory model list per key; callers pass the key explicitly so nothing here
 * decides which key is current.
 */
import { Mistral } from '@mistralai/mistralai'
import type {
  ChatCompletionStreamRequest,
  CompletionEvent,
  ToolCall,
  UsageInfo,
} from '@mistralai/mistralai/models/components'
import type { ChatParams, ModelSummary } from '../../../../shared/domain'
import { toSdkParams } from './chat-params'
import { contentText } from './content-text'
import { summarizeModels } from './model-cards'

export type ChatTurn =
  | {
      role: 'system' | 'user' | 'assistant'
      content: string
      /** Only on a last assistant turn: the reply continues this text (Mistral's prefix mode). */
      prefix?: true
    }
  /** An assistant message that called tools: Mistral wants the calls, ids verbatim, and empty content. */
  | { role: 'assistant'; content: ''; toolCalls: ToolCall[] }
  /** Exactly one per tool call of the assistant message before it. */
  | { role: 'tool'; content: string; toolCallId: string; name: string }

/** Request fields beyond the sampling parameters: function calling and structured output. */
export type ChatExtras = Pick<ChatCompletionStreamRequest, 'tools' | 'toolChoice' | 'parallelToolCalls' | 'responseFormat'>

export interface ChatRequest {
  model: string
  messages: ChatTurn[]
  params: ChatParams
  extras?: ChatExtras
}

export interface MistralClientOptions {
  serverURL: string
  /** GET /v1/models is small; a hung one should not block Settings for the SDK's default 300 s. */
  listTimeoutMs?: number
}

export class MistralClient {
  private readonly sdks = new Map<string, Mistral>()
  private readonly models = new Map<string, ModelSummary[]>()

  constructor(private readonly options: MistralClientOptions) {
    this.currentURL = options.serverURL
  }

  private currentURL: string

  /** The base URL every call goes to (the API, a region, a proxy or the simulator). */
  get serverURL(): string {
    return this.currentURL
  }

  /**
   * Points every later call at another server (Settings: region or custom URL). SDK
   * instances and model lists belong to a server, so they are dropped; calls already
   * running finish where they started.
   */
  setServerURL(url: string): void {
    if (url === this.currentURL) return
    this.currentURL = url
    this.sdks.clear()
    this.models.clear()
  }

  /**
   * The official SDK for this key, for features that call endpoints beyond chat (OCR,
   * files, embeddings, …). Use direct-request.ts only where the SDK lacks an endpoint.
   */
  sdkFor(apiKey: string): Mistral {
    return this.sdk(apiKey)
  }

  private sdk(apiKey: string): Mistral {
    let sdk = this.sdks.get(apiKey)
    if (!sdk) {
      // No retryConfig: SDK retries are off by default and stay off, so a 429 or 5xx
      // reaches the user at once, with a Retry button, instead of a silent wait.
      sdk = new Mistral({ apiKey, serverURL: this.currentURL })
      this.sdks.set(apiKey, sdk)
    }
    return sdk
  }

  /** Cached per key; `refresh` refetches. Throws the SDK's errors (map them with toAppError). */
  async listModels(apiKey: string, opts: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<ModelSummary[]> {
    const cached = this.models.get(apiKey)
    if (cached && !opts.refresh) return cached
    const list = await this.sdk(apiKey).models.list(undefined, {
      timeoutMs: this.options.listTimeoutMs ?? 15_000,
      ...(opts.signal ? { signal: opts.signal } : {}),
    })
    const summaries = summarizeModels(list)
    this.models.set(apiKey, summaries)
    return summaries
  }

  /** A model from the list already fetched with this key (by id or alias); null if not fetched or unknown. Never calls the API. */
  cachedModel(apiKey: string, model: string): ModelSummary | null {
    const list = this.models.get(apiKey) ?? []
    return list.find((m) => m.id === model || m.aliases.includes(model)) ?? null
  }

  /**
   * Starts a streamed chat completion. Only spec-listed fields are sent (model,
   * messages, stream and the parameters that are set): unknown fields get a 422 from
   * Mistral. Passing our own signal also replaces the SDK's 300 s timeout, which would
   * otherwise end long replies.
   */
  async streamChat(apiKey: string, request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<CompletionEvent>> {
    return this.sdk(apiKey).chat.stream(
      { model: request.model, messages: request.messages, stream: true, ...toSdkParams(request.params), ...request.extras },
      { signal },
    )
  }

  /** A short non-streamed completion (e.g. a title). Throws the SDK's errors. */
  async complete(
    apiKey: string,
    request: ChatRequest,
    opts: { signal: AbortSignal; timeoutMs: number },
  ): Promise<{ text: string; usage: UsageInfo }> {
    const response = await this.sdk(apiKey).chat.complete(
      { model: request.model, messages: request.messages, ...toSdkParams(request.params) },
      { signal: opts.signal, timeoutMs: opts.timeoutMs },
    )
    return { text: contentText(response.choices[0]?.message?.content), usage: response.usage }
  }

  /** Drops everything held for a key (on keys.delete or replacement). */
  forget(apiKey: string): void {
    this.sdks.delete(apiKey)
    this.models.delete(apiKey)
  }
}

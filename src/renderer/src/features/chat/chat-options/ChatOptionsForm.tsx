/**
 * Tools and response format of the open conversation, in the conversation settings
 * panel. Each tool's parameter schema and the response schema are checked as you type
 * (JSON, then ajv); Save stays disabled while anything is invalid, and main checks again.
 */
import { useId, useState } from 'react'
import type { ChatOptions, ResponseFormat, ToolChoice, ToolDefinition } from '../../../../../shared/domain'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { saveOptions, useChatOptionsStore } from './chat-options-store'
import { SCHEMA_EXAMPLES, TOOL_NAME, useSchemaProblems } from './schema-check'
import './chat-options.css'

interface ToolDraft {
  name: string
  description: string
  parameters: string
}

const EMPTY_PARAMS = '{\n  "type": "object",\n  "properties": {}\n}'

export function ChatOptionsSection() {
  const revision = useChatOptionsStore((s) => s.revision)
  return <ChatOptionsForm key={revision} />
}

function ChatOptionsForm() {
  const initial = useChatOptionsStore((s) => s.options)
  const saved = useChatOptionsStore((s) => s.saved)
  const error = useChatOptionsStore((s) => s.error)
  const [tools, setTools] = useState<ToolDraft[]>(() =>
    initial.tools.map((t) => ({ name: t.name, description: t.description, parameters: JSON.stringify(t.parameters, null, 2) })),
  )
  const [choice, setChoice] = useState(typeof initial.toolChoice === 'object' ? `fn:${initial.toolChoice.function}` : initial.toolChoice)
  const [parallel, setParallel] = useState(initial.parallelToolCalls)
  const [rounds, setRounds] = useState(String(initial.maxToolRounds))
  const format0 = initial.responseFormat
  const [formatType, setFormatType] = useState<ResponseFormat['type']>(format0.type)
  const [schemaName, setSchemaName] = useState(format0.type === 'json_schema' ? format0.name : 'answer')
  const [schemaText, setSchemaText] = useState(format0.type === 'json_schema' ? JSON.stringify(format0.schema, null, 2) : EMPTY_PARAMS)
  const [strict, setStrict] = useState(format0.type === 'json_schema' ? format0.strict : true)
  const ids = useId()

  const toolProblems = tools.map((t, i) => {
    if (!TOOL_NAME.test(t.name)) return 'Use 1 to 64 letters, digits, underscores or dashes.'
    if (tools.findIndex((o) => o.name === t.name) !== i) return `Another tool is named "${t.name}".`
    return null
  })
  const problems = useSchemaProblems([...tools.map((t) => t.parameters), schemaText])
  const paramProblems = problems.slice(0, tools.length)
  const responseProblem = problems[tools.length] ?? null
  const schemaError =
    formatType === 'json_schema' ? (responseProblem ?? (TOOL_NAME.test(schemaName) ? null : 'Name the schema with letters, digits, _ or -.')) : null
  const roundsValue = Number(rounds)
  const roundsError = Number.isInteger(roundsValue) && roundsValue >= 1 && roundsValue <= 50 ? null : 'Between 1 and 50.'
  const invalid = [...toolProblems, ...paramProblems, schemaError, roundsError].some(Boolean)

  const update = (i: number, patch: Partial<ToolDraft>) => setTools((list) => list.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  const save = () => {
    const definitions: ToolDefinition[] = tools.map((t) => ({ name: t.name, description: t.description, parameters: JSON.parse(t.parameters) as Record<string, unknown> }))
    const names = new Set(definitions.map((t) => t.name))
    const toolChoice: ToolChoice = choice.startsWith('fn:') ? (names.has(choice.slice(3)) ? { function: choice.slice(3) } : 'auto') : (choice as ToolChoice)
    const responseFormat: ResponseFormat =
      formatType === 'json_schema'
        ? { type: 'json_schema', name: schemaName, schema: JSON.parse(schemaText) as Record<string, unknown>, strict }
        : { type: formatType }
    const options: ChatOptions = { tools: definitions, toolChoice, parallelToolCalls: parallel, maxToolRounds: roundsValue, responseFormat }
    void saveOptions(options)
  }

  return (
    <fieldset className="chat-options">
      <legend>Tools and output</legend>
      {tools.map((tool, i) => (
        <div key={i} className="chat-options__tool" role="group" aria-label={`Tool ${i + 1}`}>
          <label htmlFor={`${ids}-name-${i}`}>Tool name</label>
          <input id={`${ids}-name-${i}`} value={tool.name} aria-invalid={!!toolProblems[i]} aria-describedby={`${ids}-name-err-${i}`} onChange={(e) => update(i, { name: e.target.value })} />
          <span id={`${ids}-name-err-${i}`} className="chat-options__error">{toolProblems[i]}</span>
          <label htmlFor={`${ids}-desc-${i}`}>Tool description</label>
          <input id={`${ids}-desc-${i}`} value={tool.description} onChange={(e) => update(i, { description: e.target.value })} />
          <label htmlFor={`${ids}-params-${i}`}>Parameters (JSON schema)</label>
          <textarea id={`${ids}-params-${i}`} rows={6} spellCheck={false} value={tool.parameters} aria-invalid={!!paramProblems[i]} aria-describedby={`${ids}-params-err-${i}`} onChange={(e) => update(i, { parameters: e.target.value })} />
          <span id={`${ids}-params-err-${i}`} className="chat-options__error" role={paramProblems[i] ? 'alert' : undefined}>{paramProblems[i]}</span>
          <button type="button" className="button--quiet" onClick={() => setTools((list) => list.filter((_, j) => j !== i))}>
            Remove tool {tool.name || i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setTools((list) => [...list, { name: `tool_${list.length + 1}`, description: '', parameters: EMPTY_PARAMS }])}>
        Add tool
      </button>
      <label htmlFor={`${ids}-choice`}>Tool choice</label>
      <select id={`${ids}-choice`} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="auto">auto</option>
        <option value="none">none</option>
        <option value="any">any</option>
        <option value="required">required</option>
        {tools.filter((t) => TOOL_NAME.test(t.name)).map((t) => (
          <option key={t.name} value={`fn:${t.name}`}>{`function: ${t.name}`}</option>
        ))}
      </select>
      <label className="chat-options__check">
        <input type="checkbox" checked={parallel} onChange={(e) => setParallel(e.target.checked)} /> Parallel tool calls
      </label>
      <label htmlFor={`${ids}-rounds`}>Tool rounds before the model must answer</label>
      <input id={`${ids}-rounds`} type="number" min={1} max={50} value={rounds} aria-invalid={!!roundsError} onChange={(e) => setRounds(e.target.value)} />
      <label htmlFor={`${ids}-format`}>Response format</label>
      <select id={`${ids}-format`} value={formatType} onChange={(e) => setFormatType(e.target.value as ResponseFormat['type'])}>
        <option value="text">text</option>
        <option value="json_object">JSON object</option>
        <option value="json_schema">JSON schema</option>
      </select>
      {formatType === 'json_schema' ? (
        <>
          <label htmlFor={`${ids}-example`}>Example schema</label>
          <select
            id={`${ids}-example`}
            value=""
            onChange={(e) => {
              const example = SCHEMA_EXAMPLES.find((x) => x.label === e.target.value)
              if (!example) return
              setSchemaName(example.name)
              setSchemaText(JSON.stringify(example.schema, null, 2))
            }}
          >
            <option value="">Choose an example…</option>
            {SCHEMA_EXAMPLES.map((x) => (
              <option key={x.label} value={x.label}>{x.label}</option>
            ))}
          </select>
          <label htmlFor={`${ids}-schema-name`}>Schema name</label>
          <input id={`${ids}-schema-name`} value={schemaName} onChange={(e) => setSchemaName(e.target.value)} />
          <label htmlFor={`${ids}-schema`}>Response schema</label>
          <textarea id={`${ids}-schema`} rows={8} spellCheck={false} value={schemaText} aria-invalid={!!schemaError} aria-describedby={`${ids}-schema-err`} onChange={(e) => setSchemaText(e.target.value)} />
          <span id={`${ids}-schema-err`} className="chat-options__error">{schemaError}</span>
          <label className="chat-options__check">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} /> Strict
          </label>
        </>
      ) : null}
      <div className="chat-options__actions">
        <button type="button" onClick={save} disabled={invalid}>
          Save tools and output
        </button>
        {saved ? <span role="status">Saved</span> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </fieldset>
  )
}

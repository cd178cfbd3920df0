/** Settings. One section for now: the API key. */
import { DataSection } from '../history/DataSection'
import { KeySection } from './KeySection'
import './settings.css'

export function SettingsView() {
  return (
    <section className="pane settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <KeySection />
      <DataSection />
    </section>
  )
}

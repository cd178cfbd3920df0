/** Settings: the API key, the API server and your data. */
import { ServerSection } from '../server/ServerSection'
import { DataSection } from '../history/DataSection'
import { KeySection } from './KeySection'
import './settings.css'

export function SettingsView() {
  return (
    <section className="pane settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <KeySection />
      <ServerSection />
      <DataSection />
    </section>
  )
}

/** Settings: the API key and the API server. */
import { ServerSection } from '../server/ServerSection'
import { KeySection } from './KeySection'
import './settings.css'

export function SettingsView() {
  return (
    <section className="pane settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <KeySection />
      <ServerSection />
    </section>
  )
}

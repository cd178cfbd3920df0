/** Where Settings lives in the address, for the screens that send the user there. */
export const SETTINGS_PATH = '/settings'

/** The key field, which the first-run screen's "Add API key" focuses. */
export const API_KEY_FIELD_ID = 'api-key'

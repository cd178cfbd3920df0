/** Where Settings lives in the address, for the screens that send the user there. */
export const SETTINGS_PATH = '/settings'

/**
 * Usage 3: the user's own prices (a negotiated rate, a free tier), each from a date.
 * The recorder reads them; a row keeps the prices it was given, so removing an
 * override later never changes past spend.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 3
export const name = 'price-overrides'

export const sql = /* sql */ `
CREATE TABLE usage_price_overrides (
  id              TEXT PRIMARY KEY,
  model           TEXT NOT NULL,
  effective_from  INTEGER NOT NULL,
  currency        TEXT NOT NULL CHECK (currency IN ('USD', 'EUR')),
  -- JSON of UnitPrices in integer micro-units of the currency
  prices          TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL
);
CREATE INDEX usage_price_overrides_by_model ON usage_price_overrides (model, effective_from);
`

/**
 * Usage 2: every field of a billable call (endpoint, returned model, cached tokens,
 * pages, audio, batch discount, estimated, document, key's last 4) and the unit prices
 * applied, in USD and EUR, so a row's cost is a pure function of the row.
 *
 * Rows written before this were chat and title calls priced with the one catalog
 * that had shipped (222f4ba, 2026-08-21) at per-M-token rates. They are brought
 * forward with exactly those rates (listed below, transcribed from that catalog by
 * the price table of this commit), their cost recomputed with the exact integer
 * formula (the same figure, without float rounding), their price source kept, and
 * models without a price marked `unknown` instead of NULL.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 2
export const name = 'ledger-units-prices'

export const sql = /* sql */ `
ALTER TABLE usage_ledger ADD COLUMN endpoint TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_ledger ADD COLUMN returned_model TEXT;
-- The model whose price applied: the returned (dated) model when the API named one.
ALTER TABLE usage_ledger ADD COLUMN billed_model TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_ledger ADD COLUMN cached_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_ledger ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_ledger ADD COLUMN annotated_pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_ledger ADD COLUMN audio_ms INTEGER NOT NULL DEFAULT 0;
-- Basis points off the gross price (5000 = the batch discount).
ALTER TABLE usage_ledger ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_ledger ADD COLUMN estimated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_ledger ADD COLUMN document_id TEXT;
ALTER TABLE usage_ledger ADD COLUMN key_last4 TEXT;
-- JSON of UnitPrices (integer micro-units per M tokens / 1,000 pages / minute), NULL when unpriced in that currency.
ALTER TABLE usage_ledger ADD COLUMN prices_usd TEXT;
ALTER TABLE usage_ledger ADD COLUMN prices_eur TEXT;
ALTER TABLE usage_ledger ADD COLUMN cost_micro_eur INTEGER;

DROP TRIGGER usage_ledger_no_update;

CREATE TEMP TABLE legacy_prices (model TEXT PRIMARY KEY, usd_in INTEGER, usd_out INTEGER, eur_in INTEGER, eur_out INTEGER);
INSERT INTO legacy_prices VALUES
  ('codestral-2501', 300000, 900000, 260000, 790000),
  ('codestral-2508', 300000, 900000, 260000, 790000),
  ('codestral-latest', 300000, 900000, 260000, 790000),
  ('devstral-2512', 400000, 2000000, 350000, 1750000),
  ('devstral-latest', 400000, 2000000, 350000, 1750000),
  ('devstral-medium-2507', 400000, 2000000, NULL, NULL),
  ('devstral-medium-latest', 400000, 2000000, 350000, 1750000),
  ('devstral-small-2505', 100000, 300000, NULL, NULL),
  ('devstral-small-2507', 100000, 300000, NULL, NULL),
  ('devstral-small-latest', 100000, 300000, 88000, 260000),
  ('labs-devstral-small-2512', 100000, 300000, 88000, 260000),
  ('labs-leanstral-1-5', 0, 0, 0, 0),
  ('labs-leanstral-2603', 0, 0, 0, 0),
  ('labs-mistral-small-creative', 100000, 300000, 100000, 300000),
  ('magistral-medium-2506', 2000000, 5000000, NULL, NULL),
  ('magistral-medium-2507', 2000000, 5000000, NULL, NULL),
  ('magistral-medium-2509', 2000000, 5000000, 1750000, 4380000),
  ('magistral-medium-latest', 2000000, 5000000, 1750000, 4380000),
  ('magistral-small-2506', 500000, 1500000, NULL, NULL),
  ('magistral-small-2507', 500000, 1500000, NULL, NULL),
  ('magistral-small-2509', 500000, 1500000, 440000, 1310000),
  ('magistral-small-latest', 500000, 1500000, 440000, 1310000),
  ('ministral-14b-2512', 200000, 200000, 180000, 180000),
  ('ministral-14b-latest', 200000, 200000, 180000, 180000),
  ('ministral-3b-2410', 40000, 40000, NULL, NULL),
  ('ministral-3b-2512', 100000, 100000, 88000, 88000),
  ('ministral-3b-latest', 100000, 100000, 88000, 88000),
  ('ministral-8b-2410', 100000, 100000, NULL, NULL),
  ('ministral-8b-2512', 150000, 150000, 130000, 130000),
  ('ministral-8b-latest', 150000, 150000, 130000, 130000),
  ('mistral-large-2411', 2000000, 6000000, NULL, NULL),
  ('mistral-large-2512', 500000, 1500000, 440000, 1300000),
  ('mistral-large-latest', 500000, 1500000, 440000, 1300000),
  ('mistral-medium-2505', 400000, 2000000, 400000, 2000000),
  ('mistral-medium-2508', 400000, 2000000, NULL, NULL),
  ('mistral-medium-3', 1500000, 7500000, 1250000, 6400000),
  ('mistral-medium-3-5', 1500000, 7500000, 1250000, 6400000),
  ('mistral-medium-latest', 1500000, 7500000, 1250000, 6400000),
  ('mistral-moderation-2603', 0, 0, 0, 0),
  ('mistral-small-2409', 100000, 300000, NULL, NULL),
  ('mistral-small-2501', 100000, 300000, NULL, NULL),
  ('mistral-small-2503', 100000, 300000, NULL, NULL),
  ('mistral-small-2506', 100000, 300000, 100000, 300000),
  ('mistral-small-2603', 150000, 600000, 120000, 500000),
  ('mistral-small-latest', 150000, 600000, 120000, 500000),
  ('open-mistral-nemo', 150000, 150000, 150000, 150000),
  ('open-mistral-nemo-2407', 150000, 150000, 150000, 150000),
  ('pixtral-12b-2409', 150000, 150000, 130000, 130000),
  ('pixtral-large-2411', 2000000, 6000000, NULL, 5400000),
  ('pixtral-large-latest', 2000000, 6000000, NULL, 5400000),
  ('voxtral-mini-2507', 40000, 40000, 30000, 40000),
  ('voxtral-mini-latest', 40000, 40000, 30000, 40000),
  ('voxtral-small-2507', 100000, 400000, 88000, 350000),
  ('voxtral-small-latest', 100000, 400000, 88000, 350000),
  ('zai-glm-5-2', 1400000, 4400000, 1190000, 3740000);

UPDATE usage_ledger SET endpoint = '/v1/chat/completions', billed_model = model, price_source = COALESCE(price_source, 'unknown');
UPDATE usage_ledger SET
  prices_usd = json_object('input', p.usd_in, 'cachedInput', NULL, 'output', p.usd_out,
    'perThousandPages', NULL, 'perThousandAnnotatedPages', NULL, 'perMinute', NULL),
  cost_micro_usd = (prompt_tokens * p.usd_in + completion_tokens * p.usd_out + 500000) / 1000000,
  prices_eur = CASE WHEN p.eur_in IS NULL OR p.eur_out IS NULL THEN NULL ELSE json_object('input', p.eur_in, 'cachedInput', NULL,
    'output', p.eur_out, 'perThousandPages', NULL, 'perThousandAnnotatedPages', NULL, 'perMinute', NULL) END,
  cost_micro_eur = CASE WHEN p.eur_in IS NULL OR p.eur_out IS NULL THEN NULL
    ELSE (prompt_tokens * p.eur_in + completion_tokens * p.eur_out + 500000) / 1000000 END
FROM legacy_prices p WHERE p.model = usage_ledger.model AND usage_ledger.price_source != 'unknown';
DROP TABLE legacy_prices;

CREATE TRIGGER usage_ledger_no_update BEFORE UPDATE ON usage_ledger
BEGIN SELECT RAISE(ABORT, 'usage_ledger is append-only'); END;

-- The month dashboard reads a time range and groups it: a covering index keeps it off the table.
CREATE INDEX usage_ledger_month ON usage_ledger (at, kind, billed_model, cost_micro_usd, cost_micro_eur, estimated, conversation_id, document_id);
CREATE INDEX usage_ledger_by_conversation ON usage_ledger (conversation_id, at) WHERE conversation_id IS NOT NULL;
CREATE INDEX usage_ledger_by_document ON usage_ledger (document_id, at) WHERE document_id IS NOT NULL;
`

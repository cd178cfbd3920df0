/**
 * Budgets 1: monthly budgets and the alerts they fired. The primary key of an alert
 * (budget, month, threshold) is what makes each threshold fire once per month, across
 * restarts: the insert that would fire it twice is ignored.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'budgets'

export const sql = /* sql */ `
CREATE TABLE usage_budgets (
  id            TEXT PRIMARY KEY,
  -- 'all', 'model' or 'capability'; scope_value is the model or the capability
  scope_type    TEXT NOT NULL CHECK (scope_type IN ('all', 'model', 'capability')),
  scope_value   TEXT NOT NULL DEFAULT '',
  amount_micro  INTEGER NOT NULL CHECK (amount_micro > 0),
  currency      TEXT NOT NULL CHECK (currency IN ('USD', 'EUR')),
  -- JSON array of percentages, e.g. [50, 80, 100]
  thresholds    TEXT NOT NULL,
  hard_stop     INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE TABLE usage_budget_alerts (
  budget_id     TEXT NOT NULL,
  month         TEXT NOT NULL,
  threshold     INTEGER NOT NULL,
  spent_micro   INTEGER NOT NULL,
  fired_at      INTEGER NOT NULL,
  -- set once the app has shown it; an alert not yet shown survives a restart
  delivered_at  INTEGER,
  PRIMARY KEY (budget_id, month, threshold)
);
`

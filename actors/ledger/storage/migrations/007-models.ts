import type { Migration } from '../migration.js';

/**
 * Trained models (issue 12): the saved weights, the scaler fitted on the final training window, the features used,
 * the data range and hash, and the walk-forward evaluation, each as JSON. The out-of-sample figures are copied into
 * plain columns so listing and choosing a model need not parse the evaluation.
 */
export const models: Migration = {
  version: 7,
  name: 'models',
  sql: `
    CREATE TABLE models (
      id TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      reason TEXT NOT NULL,
      accuracy REAL NOT NULL,
      baseline_accuracy REAL NOT NULL,
      samples INTEGER NOT NULL,
      saved TEXT NOT NULL,
      scaler TEXT NOT NULL,
      features TEXT NOT NULL,
      data TEXT NOT NULL,
      evaluation TEXT NOT NULL
    );
    CREATE INDEX models_created ON models (created_at);
  `,
  postgres: `
    CREATE TABLE models (
      id TEXT PRIMARY KEY,
      created_at BIGINT NOT NULL,
      kind TEXT NOT NULL,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      reason TEXT NOT NULL,
      accuracy DOUBLE PRECISION NOT NULL,
      baseline_accuracy DOUBLE PRECISION NOT NULL,
      samples BIGINT NOT NULL,
      saved TEXT NOT NULL,
      scaler TEXT NOT NULL,
      features TEXT NOT NULL,
      data TEXT NOT NULL,
      evaluation TEXT NOT NULL
    );
    CREATE INDEX models_created ON models (created_at);
  `,
};

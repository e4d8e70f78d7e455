/** Reconciliation of commitment ledgers with the workbook: what every host (CLI, task pane) calls. */
export * from './ledger';
export * from './match';
export * from './table';
export * from './example';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }] },
  testTimeout: 60000,
  // Suites needing Chromium, LibreOffice, poppler or xmllint say at the end what they skipped (test/helpers/tools.ts).
  reporters: ['default', '<rootDir>/test/helpers/skippedReporter.js'],
};

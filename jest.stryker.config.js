// Mutation testing of the rules runs only the rule tests: pure, fast, and the ones that judge them.
const base = require('./jest.config.js');
module.exports = { ...base, roots: ['<rootDir>/test/core'], testMatch: ['**/rules.test.ts', '**/rules-detail.test.ts'] };

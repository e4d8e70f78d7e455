// Mutation testing runs only the core's tests: the rules are pure, their tests are fast.
const base = require('./jest.config.js');
module.exports = { ...base, roots: ['<rootDir>/test/core'], testPathIgnorePatterns: ['/node_modules/', '/test/core/reconcile/'] };

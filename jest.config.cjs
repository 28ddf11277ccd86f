/**
 * Nest 12 ships as ES modules, so the tests run in Jest's ESM mode (the npm scripts pass
 * --experimental-vm-modules). Unit tests live beside the code; integration tests in test/ start
 * their own Redis servers.
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    {
      ...shared,
      displayName: 'integration',
      rootDir: 'test',
      testRegex: '.*\\.e2e-spec\\.ts$',
    },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};

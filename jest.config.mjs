// Jest runs the compiled suites under dist/ (npm test builds first), so that tests load exactly
// the ES modules the gateway runs, with the package.json "imports" (#msdk, #cache) as in production.
// Two projects: `npm run test:unit` and `npm run test:e2e` select one.
const common = { testEnvironment: 'node', rootDir: '.', roots: ['<rootDir>/dist'] };

/** @type {import('jest').Config} */
export default {
  // e2e suites start their own servers on random ports and wait on real timeouts (MSDK's 3.1 s).
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.js'] },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e-spec.js'] },
  ],
};

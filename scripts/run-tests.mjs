// Runs every compiled *.spec.js (unit) and *.e2e-spec.js (end-to-end) under dist/ with Node's
// test runner. Usage: node scripts/run-tests.mjs [unit|e2e] [name filter]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [kind = 'all', filter = ''] = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if ((name.endsWith('.spec.js') || name.endsWith('-spec.js')) && path.includes(filter)) {
      const e2e = name.endsWith('.e2e-spec.js');
      if (kind === 'all' || (kind === 'e2e') === e2e) files.push(path);
    }
  }
};
for (const root of ['dist/libs', 'dist/apps', 'dist/test']) {
  try {
    walk(root);
  } catch {
    // a root without tests
  }
}
files.sort((a, b) => Number(a.endsWith('.e2e-spec.js')) - Number(b.endsWith('.e2e-spec.js')) || a.localeCompare(b));
if (files.length === 0) {
  console.error('no test files found: run the build first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

// Runs the extension-host suite in a downloaded VS Code with @vscode/test-electron (where the VS Code
// download is reachable; on machines without it, test/e2e/exthost.e2e.js runs the same suite in code-server).
// Compiled to out/test/exthost/runTest.js:  node out/test/exthost/runTest.js
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/exthost -> repository root (package.json, dist/client.js, dist/server.js)
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'index');
  const workspace = path.join(extensionDevelopmentPath, 'examples');
  const extensionTestsEnv: Record<string, string> = {};
  if (process.env.E2E_RESULT_FILE) extensionTestsEnv.E2E_RESULT_FILE = process.env.E2E_RESULT_FILE;
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv,
  });
}

main().catch((err: unknown) => {
  console.error('Failed to run extension-host tests:', err);
  process.exit(1);
});

// Extension-host test entry (VS Code convention: export run()). Loaded by the extension host, either by
// @vscode/test-electron (runTest.ts) or by code-server's web test hooks (test/e2e/exthost.e2e.js).
// Runs every *.test.js next to this file (or those listed in $E2E_TEST_FILES, comma-separated) with mocha
// (tdd ui) and, if $E2E_RESULT_FILE is set, writes a JSON summary there: mocha's console output is not
// reliably visible from outside the extension host.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export interface Summary {
  passed: number;
  failed: number;
  total: number;
  durationMs: number;
  results: TestResult[];
}

function testFiles(dir: string): string[] {
  const only = (process.env.E2E_TEST_FILES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (only.length > 0) return only.map((f) => path.resolve(dir, f));
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false });
  const files = testFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  const started = Date.now();
  const results: TestResult[] = [];

  return new Promise<void>((resolve, reject) => {
    const write = (failures: number, extraError?: string): void => {
      if (extraError !== undefined) results.push({ title: '(runner)', state: 'failed', error: extraError });
      const summary: Summary = {
        passed: results.filter((r) => r.state === 'passed').length,
        failed: failures,
        total: results.length,
        durationMs: Date.now() - started,
        results,
      };
      const file = process.env.E2E_RESULT_FILE;
      if (file) {
        try {
          fs.writeFileSync(file, JSON.stringify(summary, null, 2));
        } catch (e) {
          console.error(`[exthost-tests] cannot write ${file}: ${String(e)}`);
        }
      }
      console.error(`[exthost-tests] ${summary.passed} passed, ${summary.failed} failed (${files.length} files)`);
    };
    try {
      if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
      const runner = mocha.run((failures) => {
        write(failures);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
      runner.on('fail', (t, err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        results.push({ title: t.fullTitle(), state: 'failed', error: message });
      });
    } catch (e) {
      write(1, e instanceof Error ? e.message : String(e));
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

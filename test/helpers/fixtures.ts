import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  type AnalysisResult,
  type AnalyzeOptions,
  type Finding,
  type LoadedConfig,
} from '../../server/src/engine';
import { readAgentFiles } from '../../server/src/engine/agentFiles/read';
import { evidenceChecker } from '../../server/src/node/evidenceFiles';
import { nodeHost, toEnginePath } from '../../server/src/node/nodeHost';

/** The date fixtures are checked on, so date rules give the same answer every day. */
export const FIXTURE_TODAY = '2026-11-23';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export interface Expectation {
  line: number;
  code: string;
  severity?: string;
}

export interface Fixture {
  name: string;
  text: string;
  expectations: Expectation[];
  /** Codes the fixture speaks for: those of its markers plus any named in a checks comment. */
  checkedCodes: Set<string>;
}

// `{AD100}` or `{AD100/warning}` at the end of a line: an expected finding starting on that line.
const MARKER = /[ \t]*\{(AD\d{3})(?:\/(error|warning|information|hint))?\}/g;
const CHECKS = /<!--\s*checks:([^>]*)-->/;

/** Reads a fixture, removing its expectation markers so the engine sees the document as written. */
export function loadFixture(file: string): Fixture {
  const raw = fs.readFileSync(file, 'utf8');
  const expectations: Expectation[] = [];
  const lines = raw.split('\n').map((line, index) =>
    line.replace(MARKER, (_match, code: string, severity?: string) => {
      expectations.push({ line: index, code, ...(severity ? { severity } : {}) });
      return '';
    }),
  );
  const checkedCodes = new Set(expectations.map((expectation) => expectation.code));
  const checks = CHECKS.exec(raw)?.[1];
  for (const code of checks?.match(/AD\d{3}/g) ?? []) checkedCodes.add(code);
  return { name: path.basename(file), text: lines.join('\n'), expectations, checkedCodes };
}

/** Checks fixture text; evidence links resolve next to `file`, confined to the fixtures folder. */
export function check(text: string, file?: string): Finding[] {
  return analyze(text, { today: FIXTURE_TODAY, ...(file ? { fileExists: evidenceChecker(file, [FIXTURE_DIR]) } : {}) })
    .findings;
}

/**
 * The same as the pipeline checks it: the agent files the text names are read first (through the
 * Node host, confined to the fixtures folder), so the drift rules (AD420-AD429) run too.
 */
export async function checkWithAgentFiles(text: string, file: string): Promise<Finding[]> {
  const agentFiles = await readAgentFiles(toEnginePath(file), text, {
    host: nodeHost,
    root: toEnginePath(FIXTURE_DIR),
  });
  return analyze(text, {
    today: FIXTURE_TODAY,
    fileExists: evidenceChecker(file, [FIXTURE_DIR]),
    ...(agentFiles ? { agentFiles } : {}),
  }).findings;
}

export function describeFinding(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.code}/${finding.severity} ${finding.message}`;
}

/** Analysis with a loaded config, as the pipeline does it (engine/pipeline.ts checkDocument). */
export function analyzeWithConfig(
  text: string,
  loaded: LoadedConfig | undefined,
  options: Omit<AnalyzeOptions, 'schemas' | 'overrides'> = {},
): AnalysisResult {
  return analyze(text, {
    ...options,
    ...(loaded ? { schemas: loaded.schemas, overrides: loaded.severityOverrides } : {}),
  });
}

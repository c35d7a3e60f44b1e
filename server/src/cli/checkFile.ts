import type { AnalysisResult } from '../engine';
import { analyzeWithConfig as analyzeConfigured, loadConfig } from '../engine/config';
import type { Finding } from '../engine/types';
import { evidenceChecker } from '../node/evidenceFiles';

/** One unit of work, plain data so it can cross to a worker thread. */
export interface CheckJob {
  /** Absolute path, for reading. */
  file: string;
  /** Path as shown: relative to the working folder, '/'-separated. */
  display: string;
  /** The config that applies, already validated on the main thread. */
  config?: { path: string; text: string };
  today?: string;
  stage?: string;
}

export interface CheckedFile {
  path: string;
  findings: Finding[];
  readiness?: { stage: string; readyFor: string | null; tier: string | null };
}

/** Analysis of one file with its config applied: the same steps the language server takes. */
export function analyzeWithConfig(text: string, job: Omit<CheckJob, 'display'>): AnalysisResult {
  const loaded = job.config ? loadConfig(job.config.text, job.config.path) : undefined;
  return analyzeConfigured(text, loaded, {
    ...(job.today ? { today: job.today } : {}),
    ...(job.stage ? { stageOverride: job.stage } : {}),
    fileExists: evidenceChecker(job.file, []),
  });
}

export function checkText(text: string, job: CheckJob): CheckedFile {
  const result = analyzeWithConfig(text, job);
  const readiness = result.readiness;
  return {
    path: job.display,
    // Fixes are editor data; leaving them out keeps worker messages and JSON output small.
    findings: result.findings.map(({ fixes: _fixes, ...finding }) => finding),
    ...(readiness
      ? {
          readiness: {
            stage: readiness.stage.id,
            readyFor: readiness.readyFor?.id ?? null,
            tier: readiness.tier ?? null,
          },
        }
      : {}),
  };
}

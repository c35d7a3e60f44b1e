import type { Finding } from '../types';
import type { SeverityOverrides } from './types';

/**
 * Applies a config's `rules` severities to findings, after analysis and in one place, so no rule
 * needs to know about configuration. "off" drops the finding. Input findings are not mutated.
 */
export function applySeverityOverrides(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  if (Object.keys(overrides).length === 0) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = Object.prototype.hasOwnProperty.call(overrides, finding.code)
      ? overrides[finding.code]
      : undefined;
    if (override === 'off') continue;
    if (!override) {
      out.push(finding);
      continue;
    }
    // An overridden severity is fixed: it no longer follows the stage.
    const { blocks: _blocks, ...rest } = finding;
    out.push({ ...rest, severity: override });
  }
  return out;
}

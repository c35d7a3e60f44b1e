import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCatalogue, sourceLabels, type Finding, type RuleInfo, type Severity } from '../../engine';
import { projectUrl, ruleHelpUri, TOOL_VERSION, toolInformationUri } from '../projectHome';
import { json } from './escape';
import type { Format, FormatContext, ReportedFile } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** "section-missing" → "SectionMissing": SARIF rule names are identifiers, not sentences. */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A rule's SARIF descriptor. Its help links to docs/rules.md on the project's home; while package.json
 * holds only a placeholder home there is no helpUri, and the help names the file in the package instead.
 */
export function descriptor(rule: RuleInfo, home: string | undefined = projectUrl()): Record<string, unknown> {
  const helpUri = ruleHelpUri(rule.code, home);
  const details = helpUri ?? `docs/rules.md (${rule.code}) in the agentdoc package`;
  return {
    id: rule.code,
    name: pascal(rule.name),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.description} ${rule.rationale} How to fix: ${rule.howToFix} Details: ${details}`,
      markdown: `**${rule.code} ${rule.name}**: ${rule.description}\n\n${rule.rationale}\n\n**How to fix:** ${rule.howToFix}\n\n${helpUri ? `[Documentation](${helpUri})` : `Documentation: ${details}.`}`,
    },
    ...(helpUri ? { helpUri } : {}),
    // Stage-dependent rules are errors at the stage they block and warnings the stage before.
    defaultConfiguration: { level: rule.defaultSeverity === 'stage' ? 'warning' : LEVEL[rule.defaultSeverity] },
    properties: {
      tags: ['agentdoc', 'documentation', ...sourceLabels([...rule.sources, ...(rule.frameworks ?? [])])],
    },
  };
}

/** A relative '/'-separated path as a URI reference: each segment percent-encoded. */
function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

function location(file: ReportedFile, finding: Finding, context: FormatContext): Record<string, unknown> {
  const absolute = path.resolve(context.cwd, file.path);
  const relative = path.relative(context.cwd, absolute).split(path.sep).join('/');
  // Files outside the working folder cannot be expressed relative to %SRCROOT%: use their file URI.
  const artifactLocation =
    relative.startsWith('../') || path.isAbsolute(relative)
      ? { uri: pathToFileURL(absolute).href }
      : { uri: relativeUri(relative), uriBaseId: '%SRCROOT%' };
  const { start, end } = finding.range;
  return {
    physicalLocation: {
      artifactLocation,
      // SARIF lines and columns are 1-based; columns count UTF-16 code units like LSP (columnKind below).
      region: {
        startLine: start.line + 1,
        startColumn: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      },
    },
  };
}

/** Stands in for the results array while the log around it is serialised once. */
const RESULTS = '\u0000results\u0000';

/**
 * SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.
 * Written as the run goes: the log up to `"results": [`, one result per finding, then the rest;
 * the bytes are those of JSON.stringify(log, null, 2) over the whole log.
 */
export const formatSarif: Format = (write, context) => {
  const rules = ruleCatalogue;
  const index = new Map(rules.map((rule, position) => [rule.code, position]));
  const srcRoot = pathToFileURL(context.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentdoc',
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: toolInformationUri(),
            rules: rules.map((rule) => descriptor(rule)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results: RESULTS,
      },
    ],
  };
  const [head = '', tail = ''] = json(log, 2).split(json(RESULTS));
  let count = 0;
  return {
    file(file) {
      for (const finding of file.findings) {
        const result = {
          ruleId: finding.code,
          ruleIndex: index.get(finding.code) ?? 0,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [location(file, finding, context)],
          // A gate item's own framework mappings (NIST AI RMF, ISO/IEC 42001, OWASP) as result tags.
          ...(finding.frameworks?.length ? { properties: { tags: sourceLabels(finding.frameworks) } } : {}),
        };
        write(`${count++ === 0 ? `${head}[\n` : ',\n'}        ${json(result, 2).replace(/\n/g, '\n        ')}`);
      }
    },
    end() {
      write(`${count === 0 ? `${head}[]` : '\n      ]'}${tail}\n`);
    },
  };
};

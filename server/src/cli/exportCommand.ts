import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, basename, exportDocument, type ExportFormat, type ExportResult } from '../engine';
import { UsageError, type CliIo } from './io';
import { emit } from './output';
import { openSession } from './session';

export const EXPORT_USAGE = `Usage: agentdoc export --format <annex-iv|a2a|backstage> [paths or globs...] [options]

Writes what registries and regulators ingest, from the agent documents:
  annex-iv   EU AI Act Annex IV technical documentation (Markdown), every heading filled from
             the document, the gaps listed at the end
  a2a        an A2A Agent Card (JSON, protocol 1.0), validated against the published schema
  backstage  a Backstage catalog-info.yaml Component entity per agent (one YAML stream),
             validated against Backstage's entity schemas

Paths work as for check (default: the current folder). What a document does not say is reported
on stderr as a gap; an export that does not validate exits 1.

Options:
  --format <annex-iv|a2a|backstage>  required
  --output <file>         write to a file instead of stdout (one document, or backstage)
  --output-dir <folder>   write one file per document (<id>.annex-iv.md, <id>.agent-card.json,
                          <id>.catalog-info.yaml)
  --config <file>         use this config file instead of discovering .agentdoc.yaml
  --today <YYYY-MM-DD>    the date the export is as of (default: today)`;

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string' },
      'output-dir': { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(EXPORT_USAGE + '\n');
    return 0;
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format is required: use ${EXPORT_FORMATS.join(', ')}.`);
  if (values.output !== undefined && values['output-dir'] !== undefined)
    throw new UsageError('Use --output or --output-dir, not both.');
  const date = values.today ?? new Date().toISOString().slice(0, 10);
  const session = await openSession(positionals.length ? positionals : ['.'], { ...values, today: date }, io);
  const checked = await session.service.checkFiles(session.files);
  if (checked.length === 0)
    throw new UsageError('No agent documents (*.agentdoc.md) found: give the files or folders to export.');
  if (checked.length > 1 && format !== 'backstage' && values['output-dir'] === undefined)
    throw new UsageError(`${checked.length} documents: give --output-dir to write one ${format} file per document.`);
  const exports: Array<{ display: string; exported: ExportResult }> = [];
  for (const file of checked) {
    const display = session.display(file.path);
    const exported = exportDocument(file.result, format, { fileName: basename(file.path), date });
    if (!exported) {
      io.stderr(`agentdoc: ${display}: not exported: the document could not be read (run agentdoc check).\n`);
      continue;
    }
    exports.push({ display, exported });
  }
  let failed = false;
  for (const { display, exported } of exports) {
    for (const gap of exported.gaps) io.stderr(`agentdoc: ${display}: gap: ${gap}\n`);
    for (const problem of exported.problems) {
      failed = true;
      io.stderr(`agentdoc: ${display}: does not validate: ${problem}\n`);
    }
  }
  const outputDir = values['output-dir'];
  if (outputDir !== undefined) {
    const target = path.resolve(io.cwd, outputDir);
    const inputs = session.files.map((file) => file.path);
    const names = new UniqueNames();
    for (const { display, exported } of exports) {
      const fileName = names.claim(exported.fileName);
      if (fileName !== exported.fileName)
        io.stderr(
          `agentdoc: ${display}: written as ${fileName}: another document has the same id (run agentdoc check).\n`,
        );
      await emit(io, exported.text, path.join(target, fileName), inputs);
    }
    io.stderr(`agentdoc: wrote ${exports.length} file${exports.length === 1 ? '' : 's'} to ${outputDir}\n`);
  } else {
    const text =
      format === 'backstage'
        ? exports.map(({ exported }) => exported.text).join('---\n')
        : (exports[0]?.exported.text ?? '');
    await emit(
      io,
      text,
      values.output,
      session.files.map((file) => file.path),
    );
  }
  return failed || exports.length < checked.length ? 1 : 0;
}

/**
 * One file per document even when two documents share an id (a finding of its own in check): the
 * second is written as `<id>-2.<suffix>` rather than over the first. Compared case-insensitively
 * because macOS and Windows file systems are.
 */
class UniqueNames {
  private readonly taken = new Set<string>();

  claim(fileName: string): string {
    const dot = fileName.indexOf('.');
    const [stem, suffix] = dot < 0 ? [fileName, ''] : [fileName.slice(0, dot), fileName.slice(dot)];
    let candidate = fileName;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${suffix}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

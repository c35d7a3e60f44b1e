import * as vscode from 'vscode';
import type { ExportFormat, ExportResult } from '../../../server/src/protocol/types';
import { acceptedArgumentTarget } from './argumentTarget';
import { saveFile } from './saveFile';

const LABEL: Record<ExportFormat, string> = {
  'annex-iv': 'EU AI Act Annex IV technical documentation',
  a2a: 'A2A Agent Card',
  backstage: 'Backstage catalog-info.yaml',
};

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  'annex-iv': { Markdown: ['md'] },
  a2a: { JSON: ['json'] },
  backstage: { YAML: ['yaml', 'yml'] },
};

/**
 * Saves one export of the active agent document (the server builds it from the same engine as
 * `agentdoc export`), and says what the document did not fill in and whether it validates.
 */
export async function exportDocument(
  build: () => Promise<ExportResult | null>,
  format: ExportFormat,
  /** From a command argument: anything, checked before use (argumentTarget.ts). */
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const given =
    target === undefined
      ? undefined
      : await acceptedArgumentTarget(
          target,
          Object.values(FILTERS[format]).flatMap((extensions) => extensions.map((extension) => `.${extension}`)),
          vscode.l10n.t('export the {0} to', LABEL[format]),
        );
  if (target !== undefined && !given) return undefined;
  const exported = await build();
  if (!exported) {
    void vscode.window.showErrorMessage(`agentdoc could not build the ${LABEL[format]} for this document.`);
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    given ??
    (await vscode.window.showSaveDialog({
      title: `Export ${LABEL[format]}`,
      filters: FILTERS[format],
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, exported.fileName) } : {}),
    }));
  if (!uri) return undefined;
  if (!(await saveFile(uri, new TextEncoder().encode(exported.text)))) return undefined;
  const where = vscode.workspace.asRelativePath(uri);
  if (exported.problems.length)
    void vscode.window.showWarningMessage(
      `${LABEL[format]} saved to ${where}, but it does not validate against its published schema: ${exported.problems.join('; ')}`,
    );
  else
    void vscode.window.showInformationMessage(
      `${LABEL[format]} saved to ${where}${exported.gaps.length ? ` (${exported.gaps.length} gap${exported.gaps.length === 1 ? '' : 's'}: ${exported.gaps[0]}${exported.gaps.length > 1 ? ' …' : ''})` : ''}.`,
    );
  return uri;
}

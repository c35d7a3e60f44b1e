import * as vscode from 'vscode';
import { argumentTargetProblem } from './targets';

/**
 * A file handed to a command as an argument (not picked in a save dialog): the Uri when it may be
 * written (inside the workspace, with the command's suffix, not there yet: see targets.ts), else
 * undefined after telling the user why. Anything that is not a Uri is refused too.
 */
export async function acceptedArgumentTarget(
  target: unknown,
  suffixes: readonly string[],
  /** What the command does with the target, in the user's language ("export the report to"). */
  what: string,
): Promise<vscode.Uri | undefined> {
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('agentdoc did not {0} the given target: it is not a file URI.', what),
    );
    return undefined;
  }
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  const problem = argumentTargetProblem(target, folders, suffixes, exists);
  if (!problem) return target;
  void vscode.window.showErrorMessage(
    vscode.l10n.t('agentdoc did not {0} {1}: {2}.', what, target.toString(true), problem),
  );
  return undefined;
}

/** The parts of a vscode.Uri this check reads (kept vscode-free so unit tests can call it). */
export interface UriParts {
  scheme: string;
  authority: string;
  path: string;
}

/**
 * Why a file a command was handed as an argument (not picked in a save dialog) may not be written,
 * or undefined when it may. Commands run from anywhere: another extension, a `command:` link in
 * rendered Markdown. So a target from an argument must lie inside a workspace folder, carry one of
 * the command's suffixes, and not exist yet: only the save dialog, where the user confirms a
 * replacement, may overwrite a file.
 */
export function argumentTargetProblem(
  target: UriParts,
  folders: readonly UriParts[],
  suffixes: readonly string[],
  exists: boolean,
): string | undefined {
  const normalized = normalizePath(target.path);
  const inside = folders.some((folder) => {
    const root = normalizePath(folder.path).replace(/\/$/, '');
    return (
      folder.scheme === target.scheme && folder.authority === target.authority && normalized.startsWith(`${root}/`)
    );
  });
  if (!inside) return 'it is outside the workspace folders';
  if (!suffixes.some((suffix) => normalized.toLowerCase().endsWith(suffix)))
    return `its name does not end in ${suffixes.join(' or ')}`;
  if (exists) return 'it exists already, and agentdoc overwrites a file only when you confirm it in the save dialog';
  return undefined;
}

/**
 * A '/'-separated path with "." and ".." resolved, as path.posix.normalize does: written here
 * because this module is bundled into the web extension too, where there is no node:path.
 */
export function normalizePath(value: string): string {
  const parts: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${value.startsWith('/') ? '/' : ''}${parts.join('/')}${value.endsWith('/') && parts.length ? '/' : ''}`;
}

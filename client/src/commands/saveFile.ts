import * as vscode from 'vscode';

/**
 * Writes a file the user chose, or says plainly why it cannot be written. On vscode.dev and
 * github.dev a save dialog may offer places the editor cannot write to (a read-only repository, a
 * folder outside the opened one): the user gets a message instead of an unexplained failure.
 */
export async function saveFile(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  const where = vscode.workspace.asRelativePath(uri);
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'agentdoc cannot save {0}: that file system is read-only here. Save inside the opened folder or repository, or use the desktop editor.',
        where,
      ),
    );
    return false;
  }
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
    return true;
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('agentdoc could not save {0}: {1}', where, error instanceof Error ? error.message : String(error)),
    );
    return false;
  }
}

/** Bytes from base64, in Node.js and in the browser alike (no Buffer in a web worker). */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

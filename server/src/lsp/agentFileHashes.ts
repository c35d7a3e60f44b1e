import { recordAgentFileHashes } from '../engine';
import { agentFileAccess } from './documentFiles';
import type { ServerContext } from './serverContext';

/**
 * Writes the current SHA-256 of each agent file into the document's agent_files (after the eval
 * set ran), through the editor so it can be undone: the engine computes, the client applies.
 */
export async function recordHashesInEditor(
  server: Pick<ServerContext, 'connection' | 'documents' | 'platform' | 'workspaceFolders'>,
  uri: string,
): Promise<{ recorded: string[]; skipped: string[]; applied: boolean }> {
  const path = server.platform.uris.toPath(uri);
  const access = path ? agentFileAccess(path, server.workspaceFolders, server.platform) : undefined;
  if (!path || !access) return { recorded: [], skipped: [], applied: false };
  const open = server.documents.get(uri);
  const text = open ? open.getText() : await server.platform.host.readFile(path);
  const recording = await recordAgentFileHashes(path, text, access);
  if (recording.edits.length === 0) return { recorded: [], skipped: recording.skipped, applied: true };
  const result = await server.connection.workspace.applyEdit({
    label: 'Record agent file hashes',
    edit: {
      documentChanges: [
        {
          textDocument: { uri, version: open ? open.version : null },
          edits: recording.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
        },
      ],
    },
  });
  return { recorded: recording.recorded, skipped: recording.skipped, applied: result.applied };
}

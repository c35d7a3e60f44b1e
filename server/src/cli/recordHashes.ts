import * as fs from 'node:fs';
import { applyTextEdits, isAgentDoc, recordAgentFileHashes, type ListedFile } from '../engine';
import { nodeHost, toNativePath } from '../node/nodeHost';
import type { CliIo } from './io';
import { agentFileRoot } from './session';

/**
 * `agentdoc check --record-hashes`: writes each agent file's current SHA-256 into the documents'
 * agent_files before checking (run it after the eval set passed). The engine computes the edits;
 * only the documents themselves are written.
 */
export async function recordHashes(
  files: readonly ListedFile[],
  io: CliIo,
  display: (path: string) => string,
): Promise<void> {
  for (const file of files) {
    if (file.kind !== 'file') continue;
    const text = await nodeHost.readFile(file.path);
    if (!isAgentDoc(file.path, text) && !file.explicit) continue;
    const recording = await recordAgentFileHashes(file.path, text, { host: nodeHost, root: agentFileRoot(file.path) });
    for (const skipped of recording.skipped) io.stderr(`agentdoc: ${display(file.path)}: not recorded: ${skipped}\n`);
    if (recording.edits.length === 0) continue;
    fs.writeFileSync(toNativePath(file.path), applyTextEdits(text, recording.edits));
    io.stderr(`agentdoc: ${display(file.path)}: recorded sha256 of ${recording.recorded.join(', ')}\n`);
  }
}

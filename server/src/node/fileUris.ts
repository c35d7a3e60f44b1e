import { fileURLToPath, pathToFileURL } from 'node:url';
import { toEnginePath, toNativePath } from './nodeHost';

/**
 * The engine's path for a file: URI, or undefined for other schemes and for URIs that are not
 * valid file URIs (a bad %-escape such as "100%.agentdoc.md" must not end the server).
 */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toEnginePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The key a document has in the engine: its path when it is a file, else its URI as given. */
export function documentKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

export function pathToUri(path: string): string {
  return pathToFileURL(toNativePath(path)).toString();
}

import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The SHA-256 of a file's text as recorded in agent_files. Line endings and a byte-order mark are
 * normalised first, so a Windows checkout (autocrlf) does not look like a changed prompt.
 * (@noble/hashes: audited, dependency-free, and runs where the engine runs, without node:crypto.)
 */
export function contentHash(text: string): string {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return bytesToHex(sha256(utf8ToBytes(normalised)));
}

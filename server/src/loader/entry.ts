import * as path from 'node:path';
import { runBundle } from './runBundle';

// Set by scripts/build.mjs for each loader it writes: the bundle next to it and that bundle's hash.
declare const AGENTDOC_BUNDLE: string;
declare const AGENTDOC_BUNDLE_HASH: string;
declare const AGENTDOC_SAVE_AT_EXIT: boolean;

// dist/server.js, dist/cli.js and dist/cli-worker.js: run the real bundle (…-main.js) through the
// V8 code cache (see codeCache.ts).
runBundle(path.join(__dirname, AGENTDOC_BUNDLE), AGENTDOC_BUNDLE_HASH, module, AGENTDOC_SAVE_AT_EXIT);

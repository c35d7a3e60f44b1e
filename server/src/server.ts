import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { useRuleReferenceFile } from './lsp/convert';
import { codeIsWarm } from './loader/warm';
import { lifecycleGuard } from './lsp/lifecycle';
import { startServer } from './lsp/startServer';
import { nodePlatform } from './node/nodePlatform';

// The desktop extension's language server (dist/server.js). createConnection picks the transport
// from the command line: --stdio, --node-ipc or --socket.
useRuleReferenceFile(pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).toString());
// Run by dist/server.js (server/src/loader/), which writes a V8 code cache once the code is warm.
startServer(createConnection(ProposedFeatures.all, { messageStrategy: lifecycleGuard() }), {
  ...nodePlatform,
  codeIsWarm,
});

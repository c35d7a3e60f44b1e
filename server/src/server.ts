import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { useRuleReferenceFile } from './lsp/convert';
import { lifecycleGuard } from './lsp/lifecycle';
import { startServer } from './lsp/startServer';
import { nodePlatform } from './node/nodePlatform';

// The desktop extension's language server (dist/server.js). createConnection picks the transport
// from the command line: --stdio, --node-ipc or --socket.
useRuleReferenceFile(pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).toString());
startServer(createConnection(ProposedFeatures.all, { messageStrategy: lifecycleGuard() }), nodePlatform);

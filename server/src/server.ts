import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { useRuleReferenceFile } from './lsp/convert';
import { codeIsWarm } from './loader/warm';
import { lifecycleGuard } from './lsp/lifecycle';
import { startServer } from './lsp/startServer';
import { nodePlatform } from './node/nodePlatform';
import { consoleToClient, OneWritePerMessage } from './node/stdioTransport';

// The desktop extension's language server (dist/server.js). The transport comes from the command
// line: --node-ipc (VS Code), --stdio (other editors, the bench) or --socket.
useRuleReferenceFile(pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).toString());
const options = { messageStrategy: lifecycleGuard() };
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, process.stdin, new OneWritePerMessage(process.stdout), options)
  : createConnection(ProposedFeatures.all, options);
if (process.argv.includes('--stdio')) consoleToClient(connection);
// Run by dist/server.js (server/src/loader/), which writes a V8 code cache once the code is warm.
startServer(connection, { ...nodePlatform, codeIsWarm });

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { lifecycleGuard } from './lsp/lifecycle';
import { startServer } from './lsp/startServer';
import { webPlatform, WorkspaceUris } from './web/webPlatform';

// The web extension's language server (dist/web/server.js), a web worker started by the browser
// client (client/src/browserExtension.ts). It has no file system: it reads through the client.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), {
  messageStrategy: lifecycleGuard(),
});
const uris = new WorkspaceUris();
startServer(connection, webPlatform(connection, uris), (params) => {
  uris.setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri));
});

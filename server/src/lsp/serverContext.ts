import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AgentdocService } from '../engine';
import type { DocumentStore } from './documentStore';
import type { ServerPlatform } from './platform';
import type { ResultPublisher } from './resultPublisher';

/**
 * What the parts of the language server share (AgentdocServer holds it): the connection, the
 * editor's open documents, the platform, the store of checks and what publishes them. The parts
 * (open-document checks, workspace index, watched files) each decide one thing and meet here.
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly platform: ServerPlatform;
  readonly store: DocumentStore;
  readonly publisher: ResultPublisher;
  /** The engine's pipeline over the current workspace folders: replaced when the folders change. */
  readonly service: AgentdocService;
  /** The workspace folders as engine paths. */
  readonly workspaceFolders: readonly string[];
  /** The client answers workspace/configuration (else every document gets the default settings). */
  readonly supportsConfiguration: boolean;
  /** The client shows work-done progress (indexing a workspace reports it, cancellable). */
  readonly supportsProgress: boolean;
  /** After one document's check changed: the cross-document checks, then what must be published. */
  afterChange(uri: string): void;
}

/** Whether an engine path lies inside one of the workspace folders. */
export function inFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path.startsWith(`${folder}/`));
}

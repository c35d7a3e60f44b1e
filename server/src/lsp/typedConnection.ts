import type { Connection } from 'vscode-languageserver';
import type {
  AgentdocClientRequests,
  AgentdocNotifications,
  AgentdocRequests,
  ClientRequestMethod,
  NotificationMethod,
  RequestMethod,
} from '../protocol/requests';

export function onAgentdocRequest<M extends RequestMethod>(
  connection: Connection,
  method: M,
  handler: (
    params: AgentdocRequests[M]['params'],
  ) => AgentdocRequests[M]['result'] | Promise<AgentdocRequests[M]['result']>,
): void {
  // The library's handler type cannot express a generic result that may be null; the map above is the contract.
  connection.onRequest(method, (params: AgentdocRequests[M]['params']) => handler(params) as never);
}

export function sendAgentdocNotification<M extends NotificationMethod>(
  connection: Connection,
  method: M,
  params: AgentdocNotifications[M],
): void {
  void connection.sendNotification(method, params);
}

/** A request to the client (the web worker's file access), typed by AgentdocClientRequests. */
export function requestFromClient<M extends ClientRequestMethod>(
  connection: Connection,
  method: M,
  params: AgentdocClientRequests[M]['params'],
): Promise<AgentdocClientRequests[M]['result']> {
  return connection.sendRequest(method, params) as Promise<AgentdocClientRequests[M]['result']>;
}

import type { Connection } from 'vscode-languageserver';
import type { AgentdocNotifications, AgentdocRequests, NotificationMethod, RequestMethod } from '../protocol/requests';

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

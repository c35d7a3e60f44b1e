import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type {
  AgentdocNotifications,
  AgentdocRequests,
  NotificationMethod,
  RequestMethod,
} from '../../server/src/protocol/requests';

/** The server's custom requests, typed by the shared map in server/src/protocol/requests.ts. */
export function request<M extends RequestMethod>(
  client: LanguageClient,
  method: M,
  params: AgentdocRequests[M]['params'],
): Promise<AgentdocRequests[M]['result']> {
  return client.sendRequest(method, params) as Promise<AgentdocRequests[M]['result']>;
}

export function onNotification<M extends NotificationMethod>(
  client: LanguageClient,
  method: M,
  handler: (params: AgentdocNotifications[M]) => void,
): { dispose(): void } {
  return client.onNotification(method, handler);
}

import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy } from 'vscode-languageserver';

/** The method a refused request is re-routed to, so the library sends the error response. */
const REFUSED = 'agentdoc/$refused';

interface Refusal {
  code: number;
  message: string;
}

/**
 * The LSP lifecycle, enforced before any handler runs (vscode-languageserver leaves it to the
 * server): before `initialize` a request gets ServerNotInitialized (-32002) and notifications are
 * dropped, except `exit`; a second `initialize` is an InvalidRequest; after `shutdown` every
 * request is an InvalidRequest and only `exit` is heard. A client, or a process talking to the
 * server's stdio, cannot reach the server's state before it is set up or after it is torn down.
 */
export function lifecycleGuard(): MessageStrategy {
  let state: 'new' | 'running' | 'shutdown' = 'new';
  const refusal = (method: string): Refusal | undefined => {
    if (state === 'new' && method !== 'initialize')
      return {
        code: ErrorCodes.ServerNotInitialized,
        message: 'The server is not initialized: send initialize first.',
      };
    if (state === 'running' && method === 'initialize')
      return { code: ErrorCodes.InvalidRequest, message: 'initialize may be sent only once.' };
    if (state === 'shutdown')
      return {
        code: ErrorCodes.InvalidRequest,
        message: 'The server is shut down: only the exit notification is accepted.',
      };
    return undefined;
  };
  return {
    handleMessage(message, next) {
      if (Message.isRequest(message)) {
        const refused = refusal(message.method);
        if (refused) return next({ ...message, method: REFUSED, params: refused } as Message);
        if (message.method === 'initialize') state = 'running';
        else if (message.method === 'shutdown') state = 'shutdown';
      } else if (Message.isNotification(message) && message.method !== 'exit' && state !== 'running') return;
      return next(message);
    },
  };
}

/** Answers the refused requests with their error. */
export function answerRefusals(connection: Connection): void {
  connection.onRequest(REFUSED, (refused: Refusal) => new ResponseError(refused.code, refused.message));
}

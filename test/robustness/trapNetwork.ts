import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

// `import x = require()` gives the modules themselves (writable), not getter-only namespace copies.

/**
 * Replaces every way Node reaches the network (sockets, TLS, http(s), DNS, fetch) with a function
 * that records the attempt and throws. Returns a function that puts the originals back.
 * Loaded with `node --require` (or NODE_OPTIONS) and AGENTDOC_NET_LOG set, it installs itself and
 * appends one line per attempt to that file.
 */
export function installNetworkTrap(record: (what: string) => void): () => void {
  const restore: (() => void)[] = [];
  const trap = <T extends object>(owner: T, name: keyof T & string, label: string): void => {
    const original = owner[name];
    (owner as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const target =
        typeof args[0] === 'string' || typeof args[0] === 'number'
          ? String(args[0])
          : JSON.stringify(args[0] ?? '')?.slice(0, 120);
      record(`${label} ${target}`);
      throw new Error(`network access blocked by the test: ${label}`);
    };
    restore.push(() => {
      (owner as Record<string, unknown>)[name] = original;
    });
  };
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(tls, 'connect', 'tls.connect');
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(dns, 'lookup', 'dns.lookup');
  trap(dns, 'resolve', 'dns.resolve');
  trap(dns.promises, 'lookup', 'dns.promises.lookup');
  if (typeof globalThis.fetch === 'function') trap(globalThis, 'fetch', 'fetch');
  return () => restore.reverse().forEach((undo) => undo());
}

const log = process.env.AGENTDOC_NET_LOG;
if (log) installNetworkTrap((what) => fs.appendFileSync(log, `${process.pid} ${what}\n`));

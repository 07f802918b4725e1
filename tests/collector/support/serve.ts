// The collector on a node:http server on 127.0.0.1, and events the wire format accepts.
import { createServer } from 'node:http';
import type { Collector } from '../../../packages/collector/src/collector.js';

export async function serve(
  collector: Collector,
  port = 0,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    if (!(await collector(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let seq = 0;
/** A valid event with an id no other test uses. */
export const wireEvent = (overrides: Record<string, unknown> = {}) => ({
  id: `ev-${process.pid}-${Date.now().toString(36)}-${++seq}`,
  type: 'track',
  name: 'order_completed',
  stage: 'purchase',
  props: { orderId: 'A-1', total: 42 },
  ts: Date.now(),
  anonymousId: 'anon-1',
  sessionId: 'session-1',
  page: { url: 'http://127.0.0.1/checkout/done', path: '/checkout/done' },
  ...overrides,
});

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

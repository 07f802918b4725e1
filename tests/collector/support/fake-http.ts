// A request and a response for calling the handler directly, so a test can choose the
// client's socket address (a real server on 127.0.0.1 only ever sees loopback).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export interface FakeRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  remoteAddress?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function fakeExchange({
  method = 'GET',
  url,
  headers = {},
  body,
  remoteAddress = '203.0.113.7',
}: FakeRequest) {
  const req = Object.assign(Readable.from(body === undefined ? [] : [Buffer.from(body)]), {
    method,
    url,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;
  let resolve: (answer: Answer) => void = () => {};
  const answer = new Promise<Answer>((done) => {
    resolve = done;
  });
  const state = { status: 0, headers: {} as Record<string, string>, chunks: [] as string[] };
  const res = {
    headersSent: false,
    destroyed: false,
    writeHead(status: number, headers: Record<string, unknown> = {}) {
      state.status = status;
      for (const [k, v] of Object.entries(headers))
        if (v !== undefined) state.headers[k.toLowerCase()] = String(v);
      res.headersSent = true;
      return res;
    },
    setHeader(name: string, value: unknown) {
      state.headers[name.toLowerCase()] = String(value);
    },
    write(chunk: string | Buffer) {
      state.chunks.push(String(chunk));
      return true;
    },
    end(chunk?: string | Buffer) {
      if (chunk !== undefined) state.chunks.push(String(chunk));
      resolve({ status: state.status, headers: state.headers, body: state.chunks.join('') });
      return res;
    },
    on: () => res,
    off: () => res,
    destroy() {
      res.destroyed = true;
      resolve({ status: 0, headers: state.headers, body: '' });
    },
  };
  return { req, res: res as unknown as ServerResponse, answer };
}

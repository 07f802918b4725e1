import { REDACTED, redactUrl } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';

describe('redactUrl', () => {
  it.each([
    ['https://s.io/p?token=abc&q=shoes', `https://s.io/p?token=${REDACTED}&q=shoes`],
    [
      'https://s.io/p?api_key=1&apiKey=2&keyword=boots',
      `https://s.io/p?api_key=${REDACTED}&apiKey=${REDACTED}&keyword=boots`,
    ],
    ['https://s.io/p?password=x&session_id=y', `https://s.io/p?password=${REDACTED}&session_id=${REDACTED}`],
    ['https://s.io/p?resetCode=9&barcode=123', `https://s.io/p?resetCode=${REDACTED}&barcode=123`],
    ['https://s.io/p?to=jane%40example.com&ref=ad', `https://s.io/p?to=${REDACTED}&ref=ad`],
    ['https://s.io/p?contact=jane@example.com', `https://s.io/p?contact=${REDACTED}`],
    ['https://s.io/plain/path', 'https://s.io/plain/path'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  // Upper-case names used to become `_p_a_s_s_w_o_r_d` before matching, so none of these was redacted.
  it.each([
    'PASSWORD',
    'API_KEY',
    'ApiKey',
    'SSN',
    'JSESSIONID',
    'phpsessid',
    'PHPSESSID',
    'connect.sid',
    'sess',
    'SID',
    'AUTH_TOKEN',
  ])('redacts the value of a parameter named %s', (name) => {
    expect(redactUrl(`https://s.io/p?${name}=v1&q=shoes`)).toBe(`https://s.io/p?${name}=${REDACTED}&q=shoes`);
  });

  it.each(['assessment', 'KEYWORD', 'BARCODE', 'Consider', 'inside'])(
    'keeps the value of a parameter named %s',
    (name) => {
      expect(redactUrl(`https://s.io/p?${name}=v1`)).toBe(`https://s.io/p?${name}=v1`);
    },
  );

  it.each([
    ['/products/a&session=1/b', '/products/a&session=1/b'],
    ['https://s.io/products/a&session=1/b?q=1', 'https://s.io/products/a&session=1/b?q=1'],
    ['https://s.io/a&token=x/b?token=y&q=1', `https://s.io/a&token=x/b?token=${REDACTED}&q=1`],
    ['https://s.io/p?q=a?token=y', `https://s.io/p?q=a?token=y`],
    // A fragment can carry tokens too (OAuth implicit flows): its parameters are redacted like the query's.
    ['https://s.io/a&token=x/p#x&token=y', `https://s.io/a&token=x/p#x&token=${REDACTED}`],
  ])('treats only the query as a query: %s keeps its path', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

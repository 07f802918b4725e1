import { describe, expect, it } from 'vitest';
import { pagePath } from '../../packages/cli/src/page-path';

describe('pagePath', () => {
  it.each([
    ['/checkout/done', '/checkout/done'],
    ['/checkout/done?order=123', '/checkout/done'],
    ['/faq#shipping', '/faq'],
    ['https://shop.example/checkout/done?order=1#top', '/checkout/done'],
    ['/products/a&session=1/b', '/products/a&session=1/b'],
    ['http://[::1', 'http://[::1'],
  ])('%s → %s', (url, path) => {
    expect(pagePath(url)).toBe(path);
  });
});

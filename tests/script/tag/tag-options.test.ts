import type { CreateOptions } from '@touchpoint/core';
import type { WidgetOptions } from '@touchpoint/widget';
import { describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

const { readTag } = await fromScript<{
  readTag(
    tag: HTMLScriptElement | null,
    base: string,
    warn: (message: string) => void,
  ): {
    create: CreateOptions;
    endpoint: string;
    widget: WidgetOptions;
    widgetUrl: string;
    debugUrl: string;
    nonce: string;
  };
}>('tag/tag-options.ts');

const BASE = 'https://shop.example/checkout/';

const tag = (attributes: Record<string, string>, src = 'https://cdn.example/tp/touchpoint.js') => {
  const script = document.createElement('script');
  if (src) script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
};

describe('readTag', () => {
  it.each([
    ['no attributes', {}, { create: {}, endpoint: '', widget: {} }],
    ['an endpoint', { 'data-endpoint': '/collect' }, { create: {}, endpoint: '/collect', widget: {} }],
    [
      'a config URL',
      { 'data-config': '/tp.json' },
      { create: { config: '/tp.json' }, endpoint: '', widget: {} },
    ],
    [
      'inline config',
      { 'data-config-inline': '{"version":1}' },
      { create: { config: { version: 1 } }, endpoint: '', widget: {} },
    ],
    [
      'a bare consent flag',
      { 'data-require-consent': '' },
      { create: { requireConsent: true }, endpoint: '', widget: {} },
    ],
    [
      'consent "true"',
      { 'data-require-consent': 'true' },
      { create: { requireConsent: true }, endpoint: '', widget: {} },
    ],
    [
      'consent "false"',
      { 'data-require-consent': 'false' },
      { create: { requireConsent: false }, endpoint: '', widget: {} },
    ],
    [
      'locale, theme and position',
      { 'data-locale': 'ar', 'data-theme': 'dark', 'data-position': 'bottom-left' },
      { create: {}, endpoint: '', widget: { locale: 'ar', theme: 'dark', position: 'bottom-left' } },
    ],
    [
      'the accent colour',
      { 'data-accent': '#1a7f37' },
      { create: {}, endpoint: '', widget: { accent: '#1a7f37' } },
    ],
    [
      'empty widget attributes',
      { 'data-locale': '', 'data-theme': '', 'data-accent': '' },
      { create: {}, endpoint: '', widget: {} },
    ],
  ])('reads %s', (_, attributes, expected) => {
    const warn = vi.fn();
    expect(readTag(tag(attributes), BASE, warn)).toMatchObject(expected);
    expect(warn).not.toHaveBeenCalled();
  });

  it('resolves the widget and debug files beside the tag, keeping its version query', () => {
    const read = (src: string) => readTag(tag({}, src), BASE, vi.fn());
    expect(read('https://cdn.example/tp/touchpoint.js').widgetUrl).toBe(
      'https://cdn.example/tp/touchpoint-widget.js',
    );
    expect(read('https://cdn.example/tp/touchpoint.js?v=1.2')).toMatchObject({
      widgetUrl: 'https://cdn.example/tp/touchpoint-widget.js?v=1.2',
      debugUrl: 'https://cdn.example/tp/touchpoint-debug.js?v=1.2',
    });
  });

  it('resolves the widget file against the page when there is no tag', () => {
    const read = readTag(null, BASE, vi.fn());
    expect(read).toEqual({
      create: {},
      endpoint: '',
      widget: {},
      widgetUrl: `${BASE}touchpoint-widget.js`,
      debugUrl: `${BASE}touchpoint-debug.js`,
      nonce: '',
    });
  });

  it('passes the tag nonce to the widget file and to the widget styles', () => {
    const script = tag({});
    script.nonce = 'r4nd0m';
    const read = readTag(script, BASE, vi.fn());
    expect(read.nonce).toBe('r4nd0m');
    expect(read.widget).toEqual({ nonce: 'r4nd0m' });
  });

  it('reports inline config that is not JSON, instead of fetching it as a URL', () => {
    const warn = vi.fn();
    expect(readTag(tag({ 'data-config-inline': 'surveys: []' }), BASE, warn).create).toEqual({});
    expect(warn).toHaveBeenCalledWith('data-config-inline is not valid JSON; no surveys run');
  });

  it('prefers inline config over a URL and says so', () => {
    const warn = vi.fn();
    const read = readTag(
      tag({ 'data-config': '/tp.json', 'data-config-inline': '{"version":1}' }),
      BASE,
      warn,
    );
    expect(read.create.config).toEqual({ version: 1 });
    expect(warn).toHaveBeenCalledWith(
      'both data-config and data-config-inline are set; the inline one is used',
    );
  });
});

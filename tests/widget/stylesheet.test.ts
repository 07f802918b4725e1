import { describe, expect, it, vi } from 'vitest';
import { applyStyles } from '../../packages/widget/src/stylesheet';

describe('applyStyles', () => {
  it('adopts a constructable stylesheet and adds no <style> element', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    applyStyles(root, '.p{color:red}', '');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the nonce where constructable sheets are missing', () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new TypeError('Illegal constructor');
        }
      },
    );
    try {
      const root = document.createElement('div').attachShadow({ mode: 'open' });
      applyStyles(root, '.p{color:red}', 'abc123');
      const style = root.querySelector('style');
      expect(style?.nonce).toBe('abc123');
      expect(style?.textContent).toBe('.p{color:red}');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

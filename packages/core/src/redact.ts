/** What a redacted query value becomes. */
export const REDACTED = '[redacted]';

// Parameter names that carry secrets or personal data: substrings for unambiguous words,
// whole words (after camelCase became snake_case) for short ones, so `keyword` and
// `barcode` survive while `api_key`, `apiKey` and `resetCode` do not.
const SECRET_NAME =
  /pass|pwd|secret|token|auth|session|e-?mail|jwt|credential|[^a-z](key|code|sig|signature|otp|ssn|phone|tel|card|cvv|cvc|iban|sid|pin|mail)[^a-z]/;
// An email address, also percent-encoded (`jane%40example.com`).
const EMAIL = /[^@]+(@|%40)[^@]+\.[a-z]/i;

/**
 * The default redaction: query values whose parameter name suggests a secret or personal
 * data, and values that look like email addresses, become `[redacted]`. Pure; the rest of
 * the URL stays byte for byte.
 */
export const redactUrl = (url: string): string =>
  url.replace(/([?&][^&=]+=)([^&]*)/g, (pair, name: string, value: string) =>
    SECRET_NAME.test(name.replace(/[A-Z]/g, '_$&').toLowerCase()) || EMAIL.test(value)
      ? name + REDACTED
      : pair,
  );

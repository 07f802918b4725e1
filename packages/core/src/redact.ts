/** What a redacted query value becomes. */
export const REDACTED = '[redacted]';

// Parameter names that carry secrets or personal data: substrings for unambiguous words,
// whole words (after camelCase became snake_case) for short ones, so `keyword` and
// `barcode` survive while `api_key`, `apiKey`, `API_KEY` and `resetCode` do not. `sessid`
// covers `phpsessid`, `session` `JSESSIONID`, `sess` and `sid` as words `connect.sid`, so
// `assessment` survives.
const SECRET_NAME =
  /pass|pwd|secret|token|auth|session|sessid|e-?mail|jwt|credential|[^a-z](key|sess|code|sig|signature|otp|ssn|phone|tel|card|cvv|cvc|iban|sid|pin|mail)[^a-z]/;
// An email address, also percent-encoded (`jane%40example.com`).
const EMAIL = /[^@]+(@|%40)[^@]+\.[a-z]/i;

/**
 * The default redaction: query values whose parameter name suggests a secret or personal
 * data, and values that look like email addresses, become `[redacted]`. Only what follows the
 * path counts as parameters (the query, and a fragment's `&name=value` pairs): a path such as
 * `/products/a&session=1/b` is kept as it is. Pure; the rest of the URL stays byte for byte.
 */
export const redactUrl = (url: string): string => {
  const start = url.search(/[?#]/);
  if (start < 0) return url;
  return (
    url.slice(0, start) +
    url
      .slice(start)
      .replace(/([?&#][^&=#]+=)([^&#]*)/g, (pair, name: string, value: string) =>
        SECRET_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()) || EMAIL.test(value)
          ? name + REDACTED
          : pair,
      )
  );
};

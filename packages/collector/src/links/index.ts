// `@touchpoint/collector/links`: the signing rule of link surveys, shared by the collector
// (which verifies) and `touchpoint link` (which signs). Only node:crypto: importing it
// opens no database.
export { SCORE_RANGE } from './answer-event.js';
export { type EmailSurvey, emailHtml, emailText } from './email.js';
export { LINK_KEYS, type LinkParams, linkProblem, readLink, SIGNATURE_KEY } from './link-params.js';
export { canonicalLink, type LinkVerdict, signedQuery, signLink, verifyLink } from './signature.js';

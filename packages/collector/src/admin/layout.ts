// The frame of every editor page: head, navigation, the strict CSP headers, and the small
// pieces forms share (a field with its findings beside it, the CSRF input).
import type { ServerResponse } from 'node:http';
import type { Problem } from '@touchpoint/core/rules';
import { html, type Markup, markupText } from '../insights/html.js';
import { sendHtml } from '../respond.js';
import { CSRF_FIELD } from './csrf.js';

/** Scripts, styles and forms only from this origin; nothing inline, no framing. */
export const ADMIN_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface PageContext {
  /** Where the editor lives (`/admin`). */
  base: string;
  /** The CSRF token forms carry. */
  csrf: string;
}

const NAV = [
  ['', 'Surveys'],
  ['/settings', 'Site settings'],
  ['/versions', 'Versions'],
] as const;

export function sendPage(
  res: ServerResponse,
  status: number,
  ctx: PageContext,
  title: string,
  current: string,
  body: Markup,
) {
  const text = markupText(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Touchpoint editor</title>
<link rel="stylesheet" href="${ctx.base}/admin.css">
<script src="${ctx.base}/admin.js" defer></script>
</head>
<body>
<header>
<p class="brand">Touchpoint editor</p>
<nav aria-label="Editor">
<ul>
${NAV.map(
  ([path, label]) =>
    html`<li><a href="${ctx.base}${path}"${current === path ? html` aria-current="page"` : ''}>${label}</a></li>`,
)}
<li><a href="/insights">Insights</a></li>
</ul>
</nav>
</header>
<main>
${body}
</main>
</body>
</html>
`);
  sendHtml(res, status, text, {
    'content-security-policy': ADMIN_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  });
}

export const csrfInput = (ctx: PageContext) =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrf}">`;

/** What every form that changes the draft carries: the CSRF token and the draft revision it was made from. */
export const draftFormInputs = (ctx: PageContext, revision: number) =>
  html`${csrfInput(ctx)}
<input type="hidden" name="revision" value="${revision}">`;

/** Findings about the thing as a whole (not one field), announced at the top of the form. */
export const problemsAlert = (problems: readonly Problem[]) =>
  problems.length ? html`<div class="notice alert" role="alert">${problemList(problems)}</div>` : '';

export interface FieldSpec {
  name: string;
  label: string;
  value: string;
  hint?: string;
  kind?: 'text' | 'number' | 'textarea' | 'select' | 'url';
  options?: readonly (readonly [value: string, label: string])[];
  /** The id of a <datalist> of suggestions. */
  list?: string;
  required?: boolean;
  /** Extra markup after the input (live matches). */
  after?: Markup;
}

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** A labelled input with its hint and its findings, tied to it by aria-describedby. */
export function field(spec: FieldSpec, problems: readonly Problem[] = []): Markup {
  const id = idOf(spec.name);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const problemsId = problems.length ? `${id}-problems` : undefined;
  const describedBy = [problemsId, hintId].filter(Boolean).join(' ');
  const invalid = problems.some((p) => p.level === 'error');
  const common = html` id="${id}" name="${spec.name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${invalid ? html` aria-invalid="true"` : ''}${spec.required ? html` required` : ''}`;
  const input =
    spec.kind === 'textarea'
      ? html`<textarea${common} rows="3">${spec.value}</textarea>`
      : spec.kind === 'select'
        ? html`<select${common}>${(spec.options ?? []).map(
            ([value, label]) =>
              html`<option value="${value}"${value === spec.value ? html` selected` : ''}>${label}</option>`,
          )}</select>`
        : html`<input${common} type="${spec.kind === 'number' ? 'text' : (spec.kind ?? 'text')}"${spec.kind === 'number' ? html` inputmode="decimal"` : ''} value="${spec.value}"${spec.list ? html` list="${spec.list}"` : ''}>`;
  return html`<div class="field">
<label for="${id}">${spec.label}</label>
${problems.length ? problemList(problems, problemsId) : ''}
${input}
${spec.hint ? html`<p class="hint" id="${hintId}">${spec.hint}</p>` : ''}
${spec.after ?? ''}
</div>`;
}

/** Findings as a list, errors first; each says whether it is an error or a warning. */
export function problemList(problems: readonly Problem[], id?: string): Markup {
  const sorted = [...problems].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return html`<ul class="problems"${id ? html` id="${id}"` : ''}>${sorted.map(
    (p) =>
      html`<li class="${p.level}"><strong>${p.level === 'error' ? 'Error' : 'Warning'}:</strong> ${p.message}</li>`,
  )}</ul>`;
}

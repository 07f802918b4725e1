// `when.user` in the form: one condition a line, `plan = pro`, `plan = pro | team` (any of
// them), `orders >= 3` (ranges: >, >=, <, <=, also ≥ and ≤; two lines on one trait make one
// range). Pure, and exact both ways, so an unchanged form saves the same conditions. A bound
// that is not a number is kept as typed, so the validator names it.
import { RANGE_OPERATORS, type RangeOperator } from '@touchpoint/core/rules';
import { numberOf } from './form-values.js';

const OPERATORS: Record<string, RangeOperator | '='> = {
  '=': '=',
  '>': 'gt',
  '>=': 'gte',
  '≥': 'gte',
  '<': 'lt',
  '<=': 'lte',
  '≤': 'lte',
};
const SIGNS: Record<RangeOperator, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const LINE = /^(.+?)\s*(>=|<=|≥|≤|=|>|<)\s*(.*)$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** One value as typed: a number, true or false, a "quoted" text, or the text itself. */
function typedValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (NUMBER.test(text)) return Number(text);
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** `a | "b|c" | d` → `a`, `"b|c"`, `d`: a bar inside quotes belongs to the value. */
function alternatives(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  for (;;) {
    const quoted = /^"(?:[^"\\]|\\.)*"/.exec(rest)?.[0];
    const bar = rest.indexOf('|', quoted?.length ?? 0);
    parts.push((bar < 0 ? rest : rest.slice(0, bar)).trim());
    if (bar < 0) return parts;
    rest = rest.slice(bar + 1).trim();
  }
}

/** A value as the form writes it: quoted only when it would read back as something else. */
function valueText(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return typedValue(value) === value && value === value.trim() && value !== '' && !value.includes('|')
    ? value
    : JSON.stringify(value);
}

/** The conditions the lines describe, or the first line the form cannot read and why. */
export function traitsOf(lines: readonly string[]): {
  value: Record<string, unknown> | undefined;
  problem?: string;
} {
  // A Map, so a trait named __proto__ is a trait like any other.
  const user = new Map<string, unknown>();
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match)
      return { value: undefined, problem: `"${line}": expected "trait = value" or "trait >= number"` };
    const [, trait, sign, text] = match as unknown as [string, string, string, string];
    const operator = OPERATORS[sign] as RangeOperator | '=';
    const before = user.get(trait);
    const isRange = typeof before === 'object' && before !== null && !Array.isArray(before);
    if (operator === '=') {
      if (isRange) return { value: undefined, problem: `"${trait}": a value and a range cannot combine` };
      const values = alternatives(text).map(typedValue);
      const all = [...(before === undefined ? [] : Array.isArray(before) ? before : [before]), ...values];
      user.set(trait, all.length === 1 ? all[0] : all);
    } else {
      if (before !== undefined && !isRange)
        return { value: undefined, problem: `"${trait}": a value and a range cannot combine` };
      user.set(trait, { ...(before as object), [operator]: numberOf(text) ?? '' });
    }
  }
  return { value: user.size ? Object.fromEntries(user) : undefined };
}

/** The lines the form shows for `when.user`. */
export function traitLines(user: unknown): string {
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return '';
  return Object.entries(user)
    .flatMap(([trait, condition]) => {
      if (Array.isArray(condition)) return [`${trait} = ${condition.map(valueText).join(' | ')}`];
      if (typeof condition === 'object' && condition !== null)
        return RANGE_OPERATORS.filter((op) => op in condition).map(
          (op) => `${trait} ${SIGNS[op]} ${String((condition as Record<string, unknown>)[op])}`,
        );
      return [`${trait} = ${valueText(condition)}`];
    })
    .join('\n');
}

// How numbers and dates read (CONSOLE.md): 万元 with thousands separators and two decimals,
// ratios as percentages with one decimal, scores with two decimals, months 2026-11 in tables and
// 2026年11月 in titles, times in Asia/Shanghai.

import { t } from './i18n.js';

const money2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const shanghaiDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const money = (n) => (n === null || n === undefined || n === '' ? '—' : money2.format(Number(n)));
export const number = (n) => (n === null || n === undefined ? '—' : plain.format(Number(n)));
export const score = (n) => (n === null || n === undefined ? '—' : Number(n).toFixed(2));
export const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${(Number(ratio) * 100).toFixed(1)}%`);
export const date = (d) => d || '—';
export const dateTime = (ts) => (ts ? shanghai.format(new Date(ts)) : '—');

/** Today in the county (Asia/Shanghai) as YYYY-MM-DD. */
export const today = () => shanghaiDay.format(new Date());
export const thisYear = () => Number(today().slice(0, 4));
export const thisMonth = () => today().slice(0, 7);

/** 2026-11 → 2026年11月 */
export function monthTitle(month) {
  const [y, m] = month.split('-');
  return t('text.monthTitle', { year: y, month: Number(m) });
}

/** The month `delta` months after YYYY-MM. */
export function addMonths(month, delta) {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The twelve months of a year. */
export const monthsOf = (year) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * A number as a clerk types it (DOMAIN.md "Numbers as clerks type them"), by the server's one rule
 * (`ClerkNumber`): full-width digits, points and signs (１２３．５) read as ASCII, thousands separators
 * and spaces dropped (1,234.50), and the field's unit taken off the end (12.5万元, 3亩). Returns the
 * number, or null when the text is not one. Both are tested against one table of cases
 * (Tests/clerk-numbers.json), so the console and the server cannot read a number differently.
 */
export function readNumber(text, unit = t('text.unitWan')) {
  let written = '';
  for (const c of String(text ?? '')) {
    const code = c.codePointAt(0);
    if (code >= 0xFF10 && code <= 0xFF19) written += String.fromCharCode(code - 0xFF10 + 0x30);
    else if (c === '\uFF0E') written += '.';
    else if (c === '\uFF0D' || c === '\u2212') written += '-';
    else if (c === '\uFF0B') written += '+';
    else if (!',\uFF0C \u3000\u00a0'.includes(c)) written += c;
  }
  if (unit && written.endsWith(unit)) written = written.slice(0, -unit.length);
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/.test(written) ? Number(written) : null;
}

/**
 * An amount in 万元 typed in a box: the number, null for an empty box, or the text itself when it
 * is not a number (the API's message then says what to fix).
 */
export function readAmount(text) {
  if (String(text ?? '').trim() === '') return null;
  const value = readNumber(text);
  return value === null ? text : value;
}

/** The county's range for 情况说明 (reports.explanation_below / _above; the server decides). */
export const explanationRange = { below: 0.3, above: 3 };

/** Whether `amount` against the month's `plan` is far enough to ask for 情况说明. */
export function isUnusual(amount, plan) {
  if (typeof amount !== 'number' || plan === null || plan === undefined || Number(plan) <= 0) return false;
  return amount < Number(plan) * explanationRange.below || amount > Number(plan) * explanationRange.above;
}

/**
 * A ratio against a rule's `threshold` (the plan's 80%): one decimal, or as many more as it takes
 * to see on which side of the threshold it falls (79.98% is not shown as 80.0%).
 */
export function percentAgainst(ratio, threshold) {
  if (ratio === null || ratio === undefined) return '—';
  const value = Number(ratio) * 100;
  let digits = 1;
  while (digits < 4 && (value < threshold * 100) !== (Number(value.toFixed(digits)) < threshold * 100)) digits += 1;
  return `${value.toFixed(digits)}%`;
}

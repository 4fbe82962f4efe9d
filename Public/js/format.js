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
 * A number as a clerk types it (DOMAIN.md "Numbers as clerks type them"): full-width digits and
 * points (１２３．５), thousands separators (1,234.50) and a trailing 万元 are read as the number.
 * Returns the number, null for an empty box, or the text itself when it is not a number (the API's
 * message then says what to fix).
 */
export function readAmount(text) {
  const folded = String(text ?? '').replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).trim();
  if (folded === '') return null;
  const unit = t('text.unitWan');
  const bare = (folded.endsWith(unit) ? folded.slice(0, -unit.length).trim() : folded).replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/, (all) => all.replace(/,/g, ''));
  return /^\d+(\.\d+)?$/.test(bare) ? Number(bare) : text;
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

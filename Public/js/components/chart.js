// SVG charts drawn from data by plain functions: a bar is a <rect> with a <title>, a line is a
// <polyline>; each chart has a role="img" and a label, and its colours come with words.
import { s } from '../dom.js';
import { t } from '../i18n.js';

const niceMax = (value) => {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
};

/**
 * Horizontal bars, one per item {label, value, className, mark, title}; `mark` is a word written
 * after the bar (通报表扬, 问责). Returns an <svg>.
 */
export function barChart(items, { title, max, format = String, labelWidth = 150, width = 640 } = {}) {
  const rowH = 24;
  const top = 8;
  const markWidth = 130;
  const height = top + items.length * rowH + 24;
  const plotW = width - labelWidth - markWidth;
  const top1 = max ?? niceMax(Math.max(0, ...items.map((i) => i.value ?? 0)));
  const x = (v) => labelWidth + (Math.max(0, v) / top1) * plotW;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top1);
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    ticks.map((v) => [
      s('line', { class: 'grid', x1: x(v), x2: x(v), y1: top, y2: height - 20 }),
      s('text', { x: x(v), y: height - 6, 'text-anchor': 'middle' }, format(v)),
    ]),
    items.map((item, i) => {
      const y = top + i * rowH;
      const value = item.value ?? 0;
      return s('g', { class: 'bar-row', 'data-agency': item.key ?? item.label },
        s('text', { x: labelWidth - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, item.label),
        s('rect', { class: `bar ${item.className || ''}`, x: labelWidth, y: y + 4, width: Math.max(1, x(value) - labelWidth), height: rowH - 8 },
          s('title', {}, item.title || t('text.labelled', { label: item.label, value: format(value) }))),
        s('text', { x: x(value) + 4, y: y + rowH / 2 + 4 }, item.value === null || item.value === undefined ? '—' : format(value)),
        item.mark ? s('text', { class: `mark ${item.className || ''}`, x: width - markWidth + 36, y: y + rowH / 2 + 4 }, item.mark) : null);
    }),
    s('line', { class: 'axis', x1: labelWidth, x2: labelWidth, y1: top, y2: height - 20 }));
}

/**
 * Vertical grouped bars per category: series [{name, className, values[]}], categories [labels].
 */
export function columnChart(categories, series, { title, format = String, width = 960, height = 220 } = {}) {
  const left = 64;
  const bottom = 24;
  const top = 10;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const top1 = niceMax(Math.max(0, ...series.flatMap((se) => se.values.map((v) => v ?? 0))));
  const y = (v) => top + plotH - (Math.max(0, v) / top1) * plotH;
  const slot = plotW / categories.length;
  const barW = Math.max(2, (slot - 6) / series.length);
  const ticks = [0, 0.5, 1].map((f) => f * top1);
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    ticks.map((v) => [
      s('line', { class: 'grid', x1: left, x2: width - 8, y1: y(v), y2: y(v) }),
      s('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end' }, format(v)),
    ]),
    categories.map((cat, ci) => [
      series.map((se, si) => {
        const v = se.values[ci];
        if (v === null || v === undefined) return null;
        return s('rect', { class: `bar ${se.className}`, x: left + ci * slot + 3 + si * barW, y: y(v), width: barW - 1, height: Math.max(0, top + plotH - y(v)) },
          s('title', {}, t('text.labelled', { label: `${cat} ${se.name}`, value: format(v) })));
      }),
      s('text', { x: left + ci * slot + slot / 2, y: height - 6, 'text-anchor': 'middle' }, cat),
    ]),
    s('line', { class: 'axis', x1: left, x2: width - 8, y1: top + plotH, y2: top + plotH }));
}

/** Lines over categories: series [{name, values[] (null = gap)}], one colour class per series. */
export function lineChart(categories, series, { title, format = String, width = 800, height = 260, min = 0, max } = {}) {
  const left = 48;
  const right = 12;
  const top = 10;
  const bottom = 24;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const top1 = max ?? niceMax(Math.max(1, ...series.flatMap((se) => se.values.filter((v) => v !== null))));
  const x = (i) => left + (categories.length === 1 ? plotW / 2 : (i / (categories.length - 1)) * plotW);
  const y = (v) => top + plotH - ((v - min) / (top1 - min)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (top1 - min));
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    ticks.map((v) => [
      s('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
      s('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end' }, format(v)),
    ]),
    categories.map((c, i) => s('text', { x: x(i), y: height - 6, 'text-anchor': 'middle' }, c)),
    series.map((se, si) => {
      const points = se.values.map((v, i) => (v === null || v === undefined ? null : [x(i), y(v)])).filter(Boolean);
      return s('g', { class: `series-${si % 10}` },
        points.length > 1 ? s('polyline', { class: `line series-${si % 10}`, points: points.map((p) => p.join(',')).join(' ') }) : null,
        se.values.map((v, i) => (v === null || v === undefined ? null
          : s('circle', { class: `dot series-${si % 10}`, cx: x(i), cy: y(v), r: 3.5 }, s('title', {}, t('text.labelled', { label: `${se.name} ${categories[i]}`, value: format(v) }))))));
    }));
}

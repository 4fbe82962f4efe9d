// Labels come from one catalogue per language; zh-CN is the only one today. Add `en.js` with
// the same keys and choose it here to translate the console.
import zhCN from './zh-CN.js';

const catalogue = zhCN;

/** The label for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = catalogue[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** The label of a value of an enumeration: t('stage.construction'), or the value itself. */
export function label(group, value) {
  if (value === null || value === undefined) return '';
  return catalogue[`${group}.${value}`] ?? String(value);
}

/** Names in a list as Chinese writes them: 南明区、云岩区. */
export function joinList(items) {
  return items.join(catalogue['text.listSeparator']);
}

/** The values of an enumeration in catalogue order, as [value, label] pairs. */
export function options(group) {
  const prefix = `${group}.`;
  return Object.keys(catalogue).filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), catalogue[k]]);
}

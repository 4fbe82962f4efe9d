// The county's own words for the console (Public/site.json, edited by whoever installs it): the
// county's name on the sign-in page, the help line (contact, phone), and the issuing office that
// printed pages carry. Absent or unreadable, the console shows none of them.
let loaded = null;

/** `{county, office, help}` from site.json (each may be missing). */
export function site() {
  loaded ||= fetch('/site.json', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return loaded;
}

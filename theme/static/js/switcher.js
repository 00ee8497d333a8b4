// The language switcher keeps what the reader asked for: on the search page the query (?q=…),
// on the projects index the filter (?category=…&year=…). Filter values are IDs that both
// languages share, and a query is looked up in the other language's index as typed. Without
// JavaScript the switcher's links lead to the twin page as it is.

/** Give the switcher's links the current page's parameters named in `names` (others are dropped). */
export function followQuery(names) {
  const here = new URLSearchParams(location.search);
  for (const link of document.querySelectorAll(".lang-switch a[hreflang]")) {
    const url = new URL(link.href, location.href);
    const params = new URLSearchParams();
    for (const name of names) if (here.get(name)) params.set(name, here.get(name));
    url.search = params.toString();
    link.href = url.href;
  }
}

// Search page: query Pagefind's index for this page's language and list the results
// (title, summary, phase). The query lives in the URL (?q=…) so results can be shared.
const form = document.querySelector("[data-search]");
if (form) {
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  document.querySelector("[data-search-noscript]").hidden = true;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  let pagefind;
  let latest = 0;

  const load = async () => {
    if (!pagefind) {
      pagefind = await import(`${form.dataset.bundle}pagefind.js`);
      await pagefind.options({ baseUrl: form.dataset.base, excerptLength: 24 });
      pagefind.init();
    }
    return pagefind;
  };

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  };

  const render = (results) => {
    list.replaceChildren();
    for (const data of results) {
      const item = el("li", "search-result");
      const heading = el("h2", "search-result__title");
      const link = el("a", "", data.meta.title || data.url);
      link.href = data.url;
      heading.append(link);
      item.append(heading);
      if (data.meta.summary) item.append(el("p", "search-result__summary", data.meta.summary));
      if (data.meta.phase) {
        const phase = el("p", "search-result__meta");
        phase.append(el("span", "badge", `${list.dataset.phaseLabel}: ${data.meta.phase}`));
        item.append(phase);
      }
      list.append(item);
    }
  };

  const search = async (query, push) => {
    const ticket = ++latest;
    if (push) history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = status.dataset.loading;
    const api = await load();
    const found = await api.search(query);
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has started
    render(data);
    const n = found.results.length;
    const key = { one: "countOne", few: "countFew" }[plural.select(n)] || "countOther";
    status.textContent = n ? status.dataset[key].replace("{num}", n) : status.dataset.none;
  };

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value, true), 250);
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); search(input.value, true); });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial, false); }
}

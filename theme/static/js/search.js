// Search page: query Pagefind's index for this page's language and list the results
// (title, summary, the excerpt with the matched words marked, phase). The query lives in the
// URL (?q=…) so results can be shared, and the language switcher keeps it (switcher.js).
// The form is hidden in the HTML and shown here: without the script the page explains that
// search needs JavaScript and links to browsing instead.
//
// Ranking: a page about the word beats one that merely mentions it. Titles and summaries weigh
// most: they are indexed as metadata (templates/article.html, page.html), which Pagefind 1.5
// searches and RANKING weighs above the text; what repeats on every page (the facts box, the
// category eyebrow, the About page's list of projects) is kept out of the index text
// (data-pagefind-ignore). docs/architecture.md, "What is indexed, how results rank".
//
// Czech (<html lang="cs">) understands word endings; English is searched as typed. Pagefind
// folds accents but has no Czech stemmer, and it matches a query word as a prefix of the
// indexed (unstemmed) words: "mobilit" finds "mobilita", "mobility", "mobilitu", while the
// typed "mobilitou" finds nothing. So each word of a Czech query is looked up on its own as
// the prefixes czech-stem.js gives (its Dolamic & Savoy light stem before and after
// normalisation, its softened form, its mobile e: "spolkem" → "spolk", "spolc", "spolek"; the
// word as typed when no stem is shorter), and the query as typed once more. A prefix that no
// indexed word starts with makes Pagefind fall back to the longest whole word it begins with
// ("spolc" → "s"), so a page counts for a word only if its text has a word starting with one
// of the prefixes; the word's score there is the best Pagefind gave those prefixes. Pages that
// every word finds come first, then pages that fewer words find; within a tier by the summed
// score (the query as typed adding its own). docs/architecture.md, "Czech search".
import { fold, mentions, prefixes, queryWords } from "./czech-stem.js";
import { followQuery } from "./switcher.js";

const CHECKED = 40; // pages whose text is read to check their matches (the likeliest first; 20 are shown)
// Pagefind's search-time weights of the metadata fields (title 5 and the others 1 by default);
// phase_id is only there to colour the badge.
export const RANKING = { diacriticSimilarity: 0, metaWeights: { title: 8, summary: 3, partners: 1, phase: 0.5, phase_id: 0 } };

/** Czech search: [the data of the pages found, best first; how many pages were found]. */
async function searchCzech(api, query) {
  const words = queryWords(query).map((word) => ({ word, prefixes: prefixes(word) }));
  const [typed, ...lookups] = await Promise.all([
    api.search(query),
    ...words.flatMap((w) => w.prefixes.map((p) => api.search(p))),
  ]);
  const pages = new Map(); // id -> { result, score: typed, best: [word -> prefix -> score] }
  const page = (r) => pages.get(r.id) || pages.set(r.id, { result: r, score: 0, best: words.map(() => new Map()) }).get(r.id);
  let k = 0;
  words.forEach((w, i) => w.prefixes.forEach((p) => {
    for (const r of lookups[k].results) page(r).best[i].set(p, r.score);
    k += 1;
  }));
  for (const r of typed.results) page(r).score += r.score;
  // Read the likeliest pages (most words, then score, before any check) and keep true matches.
  const guess = (p) => p.best.reduce((sum, m) => sum + Math.max(0, ...m.values()), p.score);
  const likely = [...pages.values()]
    .sort((a, b) => b.best.filter((m) => m.size).length - a.best.filter((m) => m.size).length || guess(b) - guess(a))
    .slice(0, CHECKED);
  const found = [];
  await Promise.all(likely.map(async (p) => {
    const data = await p.result.data();
    const text = fold(`${data.meta.title || ""} ${data.meta.summary || ""} ${data.meta.partners || ""} ${data.content}`);
    let hits = 0, score = p.score;
    for (const m of p.best) {
      const scores = [...m].filter(([prefix]) => mentions(text, prefix)).map(([, s]) => s);
      if (scores.length) { hits += 1; score += Math.max(...scores); }
    }
    if (hits) found.push({ data, hits, score });
  }));
  found.sort((a, b) => b.hits - a.hits || b.score - a.score);
  // Past CHECKED pages the count is an estimate: the pages that every word's lookups returned.
  const estimate = [...pages.values()].filter((p) => p.best.every((m) => m.size)).length;
  return [found.map((f) => f.data), pages.size > CHECKED ? Math.max(found.length, estimate) : found.length];
}

const form = document.querySelector("[data-search]");
if (form) {
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  form.hidden = false;
  document.querySelector("[data-search-noscript]").hidden = true;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const czech = document.documentElement.lang === "cs";
  let pagefind;
  let latest = 0;

  const load = async () => {
    if (!pagefind) {
      pagefind = await import(`${form.dataset.bundle}pagefind.js`);
      await pagefind.options({ baseUrl: form.dataset.base, excerptLength: 24, ranking: RANKING });
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

  /** Pagefind's excerpt (its own text, escaped, with <mark> around the matched words) as DOM
   * nodes: parsed inert, and only its text and its <mark> elements are copied, as text. */
  const excerpt = (html, content) => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
    const p = el("p", "search-result__excerpt");
    for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
      if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent);
      else if (node.nodeName === "MARK") p.append(el("mark", "", node.textContent));
      else p.append(node.textContent || "");
    }
    // An ellipsis where the excerpt cuts the text (it is a window of excerptLength words).
    const plain = p.textContent.trim(), text = (content || "").trim();
    const at = text.indexOf(plain.slice(0, 40));
    if (at > 0) p.prepend("… ");
    if (at >= 0 && at + plain.length < text.length) p.append(" …");
    return p;
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
      if (data.excerpt && data.excerpt.includes("<mark>")) item.append(excerpt(data.excerpt, data.content));
      if (data.meta.phase) {
        const phase = el("p", "search-result__meta");
        const badge = el("span", `badge badge--${data.meta.phase_id || ""}`);
        badge.append(el("span", "visually-hidden", `${list.dataset.phaseLabel}: `), data.meta.phase);
        phase.append(badge);
        item.append(phase);
      }
      list.append(item);
    }
  };

  const search = async (query, push) => {
    const ticket = ++latest;
    if (push) history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    followQuery(["q"]);
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = status.dataset.loading;
    const api = await load();
    let data, n;
    if (czech) {
      [data, n] = await searchCzech(api, query);
      data = data.slice(0, 20);
    } else {
      const found = await api.search(query);
      data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      n = found.results.length;
    }
    if (ticket !== latest) return; // a newer query has started
    render(data);
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

// Projects index: filter the cards in place by category, phase, partner and year.
// Progressive enhancement: without JavaScript the page shows plain links to the listing
// pages; with it, the filter form appears and the URL (?category=…&year=…) holds the state,
// so a filtered view can be shared and the back button works.
//
// What follows the filter: the cards, each category's count "(n)", the timeline (its rows
// move up to close the gaps, see render/timeline.py) and its table; with no project left, one
// message below the form (the form's status then says nothing, so the count is not repeated).
//
// History: one entry per deliberate change. Moving through a select's options with the
// keyboard (arrow keys, Home/End, Page Up/Down, type-ahead) changes it once per key; the first
// such step adds an entry and the next ones replace it, until the choice is committed (the
// select loses focus, Enter, another select changes, the buttons) — Back then returns to the
// view before the choice, not to every option passed. A choice made with the mouse (or any
// other way) is one entry.
import { followQuery } from "./switcher.js";

const form = document.querySelector("[data-filter]");
if (form) {
  const fields = [...form.querySelectorAll("select")];
  const items = [...document.querySelectorAll(".card-grid > li[data-project]")];
  const groups = [...document.querySelectorAll("[data-group]")];
  const status = form.querySelector("[data-filter-status]");
  const empty = document.querySelector("[data-filter-empty]");
  const browse = document.querySelector("[data-browse]");
  const timeline = document.querySelector("[data-timeline]");
  const rows = timeline ? [...timeline.querySelectorAll("tr[data-project]")] : [];
  const bars = timeline ? [...timeline.querySelectorAll(".tl-row[data-project]")] : [];
  const BROWSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
  let browsingKey = false; // the change about to come is a keyboard step through the options
  let provisional = null; // the select whose keyboard steps added the current history entry (still replaced)

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    for (const field of fields) {
      const value = params.get(field.name) || "";
      field.value = [...field.options].some((o) => o.value === value) ? value : "";
    }
  };

  // The chart's rows (render/timeline.py): a hidden row's neighbours close up by themselves.
  const layoutChart = (shown) => {
    for (const bar of bars) bar.hidden = !shown.has(bar.dataset.project);
  };

  const apply = () => {
    const chosen = fields.filter((f) => f.value).map((f) => [f.name, f.value]);
    const shown = new Set();
    for (const item of items) {
      const match = chosen.every(([name, value]) => (item.dataset[name] || "").split(" ").includes(value));
      item.hidden = !match;
      if (match) shown.add(item.dataset.project);
    }
    for (const group of groups) {
      const n = group.querySelectorAll("li[data-project]:not([hidden])").length;
      group.hidden = n === 0;
      const count = group.querySelector("[data-group-count]");
      if (count) count.textContent = `(${n})`;
    }
    for (const row of rows) row.hidden = !shown.has(row.dataset.project);
    layoutChart(shown);
    if (timeline) timeline.hidden = rows.length > 0 && rows.every((r) => r.hidden);
    empty.textContent = shown.size ? "" : empty.dataset.message;
    status.textContent = chosen.length && shown.size
      ? status.dataset.template.replace("{shown}", shown.size).replace("{total}", items.length)
      : "";
  };

  const urlFor = () => {
    const params = new URLSearchParams();
    for (const field of fields) if (field.value) params.set(field.name, field.value);
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };

  /** Record the view in the history: replace the entry a keyboard step added, else add one. */
  const writeUrl = (field, step) => {
    const url = urlFor();
    if (url !== `${location.pathname}${location.search}`) {
      if (provisional && provisional === field) history.replaceState(null, "", url);
      else history.pushState(null, "", url);
    }
    provisional = step ? field : null;
    followQuery(fields.map((f) => f.name));
  };

  const commit = () => { provisional = null; };

  form.hidden = false;
  if (browse) browse.hidden = true;
  readUrl();
  apply();
  followQuery(fields.map((f) => f.name));
  form.addEventListener("keydown", (event) => {
    browsingKey = event.target.matches("select") && (BROWSING_KEYS.has(event.key) || event.key.length === 1 && event.key !== " ");
    if (event.key === "Enter") commit();
  });
  form.addEventListener("keyup", () => { browsingKey = false; }); // a key that changed nothing is no step
  form.addEventListener("change", (event) => {
    const step = browsingKey;
    browsingKey = false;
    writeUrl(event.target, step);
    apply();
  });
  form.addEventListener("focusout", commit);
  form.addEventListener("reset", () => setTimeout(() => { commit(); writeUrl(null, false); apply(); }));
  form.addEventListener("submit", (event) => { event.preventDefault(); commit(); });
  window.addEventListener("popstate", () => { commit(); readUrl(); apply(); followQuery(fields.map((f) => f.name)); });
}

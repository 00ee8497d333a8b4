// Projects index: filter the cards in place by category, phase, partner and year.
// Progressive enhancement: without JavaScript the page shows plain links to the listing
// pages; with it, the filter form appears and the URL (?category=…&year=…) holds the state,
// so a filtered view can be shared and the back button works.
const form = document.querySelector("[data-filter]");
if (form) {
  const fields = [...form.querySelectorAll("select")];
  const items = [...document.querySelectorAll(".card-grid > li[data-project]")];
  const groups = [...document.querySelectorAll("[data-group]")];
  const status = form.querySelector("[data-filter-status]");
  const empty = document.querySelector("[data-filter-empty]");
  const browse = document.querySelector("[data-browse]");

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    for (const field of fields) {
      const value = params.get(field.name) || "";
      field.value = [...field.options].some((o) => o.value === value) ? value : "";
    }
  };

  const apply = () => {
    const chosen = fields.filter((f) => f.value).map((f) => [f.name, f.value]);
    let shown = 0;
    for (const item of items) {
      const match = chosen.every(([name, value]) => (item.dataset[name] || "").split(" ").includes(value));
      item.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of groups) group.hidden = !group.querySelector("li[data-project]:not([hidden])");
    empty.hidden = shown > 0;
    status.textContent = chosen.length
      ? status.dataset.template.replace("{shown}", shown).replace("{total}", items.length)
      : "";
  };

  const writeUrl = () => {
    const params = new URLSearchParams();
    for (const field of fields) if (field.value) params.set(field.name, field.value);
    const query = params.toString();
    history.pushState(null, "", query ? `?${query}` : location.pathname);
  };

  form.hidden = false;
  if (browse) browse.hidden = true;
  readUrl();
  apply();
  form.addEventListener("change", () => { writeUrl(); apply(); });
  form.addEventListener("reset", () => setTimeout(() => { writeUrl(); apply(); }));
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("popstate", () => { readUrl(); apply(); });
}

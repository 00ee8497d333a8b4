// The Lighthouse gate's configuration: how Lighthouse runs (`ci.collect`) and what it must show
// (`ci.assert`). Run by tests/quality/test_lighthouse.py through scripts/quality/lighthouse.py, which
// builds the site with SITEURL pointing at a local server (Lighthouse's SEO audit wants
// fully-qualified hreflang URLs), collects the reports with scripts/quality/lighthouse_collect.mjs
// (the package.json Lighthouse, run in one Chromium per worker with `ci.collect`'s chromePath and
// settings; not `lhci collect`, which started a node process and a Chromium for every run), then
// runs `lhci assert` (LHCI 0.14) with this file. Mobile is Lighthouse's default form factor (no
// `preset`), throttling its default (simulated). docs/performance.md ("The Lighthouse gate") has the design.
//
// Two kinds of assertion, because a busy machine slows a page down but never changes its bytes:
//  - budgets (every page, every run: aggregationMethod "pessimistic"): bytes and requests per page
//    and per resource type, 0 third-party requests, accessibility / best practices / SEO = 1.
//    These do not depend on the machine's speed; they are the hard gate. (lighthouse.py adds the
//    render-blocking count, which Lighthouse 12 cannot give on Debian's Chromium 156.)
//  - the performance score (it does depend on the machine's speed): only for the pages named in
//    LHCI_SCORE_URLS (a representative subset, set by lighthouse.py), judged on the MEDIAN of their
//    runs (3, or 5 when the median of 3 falls short), run one at a time.
const site = (process.env.LHCI_SITEURL || "http://127.0.0.1:8000").replace(/\/$/, "");
const scoreUrls = (process.env.LHCI_SCORE_URLS || "").split(/\s+/).filter(Boolean);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const KiB = 1024;
const every = (options) => ["error", { ...options, aggregationMethod: "pessimistic" }];

const budgets = {
  "categories:accessibility": every({ minScore: 1 }),
  "categories:best-practices": every({ minScore: 1 }),
  "categories:seo": every({ minScore: 1 }),
  "resource-summary:total:size": every({ maxNumericValue: 250 * KiB }),
  "resource-summary:total:count": every({ maxNumericValue: 15 }),
  "resource-summary:third-party:count": every({ maxNumericValue: 0 }),
  // Per resource type (transfer sizes; today's heaviest page in brackets). A new kind of file,
  // or one that grows past its type's share, fails here even when the total still fits.
  "resource-summary:document:size": every({ maxNumericValue: 100 * KiB }), // (26 KiB, projects index)
  "resource-summary:stylesheet:size": every({ maxNumericValue: 40 * KiB }), // (27 KiB, the one site.css)
  "resource-summary:stylesheet:count": every({ maxNumericValue: 1 }),
  "resource-summary:script:size": every({ maxNumericValue: 60 * KiB }), // (4 KiB; search loads Pagefind on use)
  // (3 on the search page: search.js, the Czech stemmer and the switcher module that carries the
  // query to the other language; 2 on the projects index: filter.js and the switcher module)
  "resource-summary:script:count": every({ maxNumericValue: 3 }),
  "resource-summary:font:count": every({ maxNumericValue: 0 }), // system fonts only
  "resource-summary:image:size": every({ maxNumericValue: 150 * KiB }),
  "resource-summary:other:size": every({ maxNumericValue: 20 * KiB }), // (1 KiB, the favicon)
};

module.exports = {
  ci: {
    collect: {
      // lighthouse.py decides the runs: one per page, three (or five) on the scored pages
      chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      settings: {
        chromeFlags: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ].join(" "),
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        // The full-page screenshot is only a picture for the HTML report (no audit uses it): 1.2 s a run.
        disableFullPageScreenshot: true,
      },
    },
    assert: {
      assertMatrix: [
        { matchingUrlPattern: ".*", assertions: budgets },
        {
          // the home pages, in every language
          matchingUrlPattern: `^${escape(site)}/(cs/)?$`,
          assertions: { "resource-summary:total:size": every({ maxNumericValue: 150 * KiB }) },
        },
        ...(scoreUrls.length ? [{
          matchingUrlPattern: `^(${scoreUrls.map(escape).join("|")})$`,
          assertions: { "categories:performance": ["error", { minScore: 0.95, aggregationMethod: "median" }] },
        }] : []),
      ],
    },
  },
};

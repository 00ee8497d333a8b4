// Lighthouse CI (LHCI 0.14, Lighthouse 12.2.3): score floors and budgets for the quality gates.
// Run by tests/quality/test_lighthouse.py through scripts/quality/lighthouse.py, which builds the
// site with SITEURL pointing at a local server (Lighthouse's SEO audit wants fully-qualified
// hreflang URLs), passes the URLs with --url and sets LHCI_SITEURL to that SITEURL.
// Mobile is Lighthouse's default form factor (no `preset`).
const site = (process.env.LHCI_SITEURL || "http://127.0.0.1:8000").replace(/\/$/, "");
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const KiB = 1024;

module.exports = {
  ci: {
    collect: {
      numberOfRuns: 1,
      chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      settings: {
        chromeFlags: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ].join(" "),
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      },
    },
    assert: {
      assertMatrix: [
        {
          matchingUrlPattern: ".*",
          assertions: {
            "categories:performance": ["error", { minScore: 0.95 }],
            "categories:accessibility": ["error", { minScore: 1 }],
            "categories:best-practices": ["error", { minScore: 1 }],
            "categories:seo": ["error", { minScore: 1 }],
            "resource-summary:total:size": ["error", { maxNumericValue: 250 * KiB }],
            "resource-summary:total:count": ["error", { maxNumericValue: 15 }],
            "resource-summary:third-party:count": ["error", { maxNumericValue: 0 }],
          },
        },
        {
          // the home pages, in every language
          matchingUrlPattern: `^${escape(site)}/(cs/)?$`,
          assertions: {
            "resource-summary:total:size": ["error", { maxNumericValue: 150 * KiB }],
          },
        },
      ],
    },
  },
};

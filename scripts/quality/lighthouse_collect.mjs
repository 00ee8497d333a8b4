// The Lighthouse gate's collector: runs Lighthouse on URLs and writes each report (LHR) where
// `lhci assert` reads them. It replaces `lhci collect`, which started a new node process and a new
// Chromium for every run (about 10 s of each 15 s run on a 2-core machine); here each worker
// launches ONE Chromium and runs Lighthouse programmatically in it for URL after URL.
//
//   node scripts/quality/lighthouse_collect.mjs --out=DIR [--runs=N] [--workers=N] URL...
//
// Run by scripts/quality/lighthouse.py (docs/performance.md, "The Lighthouse gate"). Settings, as
// LHCI used them, come from lighthouserc.js (`ci.collect.settings`, `ci.collect.chromePath`) so the
// configuration stays in one file: Lighthouse's defaults otherwise (mobile, simulated throttling,
// storage and cache reset before every run). Each URL gets N runs (default 1). Workers (default 1)
// run side by side, each a node process of its own (Lighthouse keeps global state, so two runs in
// one process clash) with its own Chromium (one Lighthouse run owns its browser); worker k of N
// takes jobs k, k + N, k + 2N, ... of the list (each URL's runs in turn).
// A run that fails or reports a runtime error is tried again, up to 3 attempts (as LHCI did);
// a URL that fails 3 times fails the collection (exit code 1).
// Reports: DIR/lhr-<digits>.json (LHCI's assert reads /^lhr-\d+\.json$/), unique, and beside each
// its HTML report (lhr-<digits>.html), as `lhci collect` wrote them.

import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {spawn} from 'node:child_process';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const {values: opts, positionals: urls} = parseArgs({
  allowPositionals: true,
  options: {
    out: {type: 'string'},
    runs: {type: 'string', default: '1'},
    workers: {type: 'string', default: '1'},
    config: {type: 'string', default: path.join(ROOT, 'lighthouserc.js')},
    worker: {type: 'string'}, // set by the parent for its worker processes: 0 .. workers - 1
    stamp: {type: 'string'},
  },
});
const runs = Number(opts.runs);
const workers = Math.max(1, Math.min(Number(opts.workers), urls.length * runs, 10));
if (!opts.out || !urls.length || !(runs >= 1) || !(workers >= 1)) {
  console.error('usage: lighthouse_collect.mjs --out=DIR [--runs=N] [--workers=N] URL...');
  process.exit(2);
}
const ATTEMPTS = 3;
// Report names: lhr-<stamp><worker><run>, unique across calls into the same DIR (LHCI's --additive).
const stamp = opts.stamp ?? String(Date.now());

if (workers > 1 && opts.worker === undefined) {
  const self = new URL(import.meta.url).pathname;
  const exits = await Promise.all(Array.from({length: workers}, (_, k) => new Promise((resolve) => {
    const child = spawn(process.execPath, [self, ...process.argv.slice(2), `--worker=${k}`, `--stamp=${stamp}`],
      {stdio: 'inherit'});
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  })));
  process.exit(Math.max(...exits));
}
const me = Number(opts.worker ?? 0);

// Lighthouse, and the chrome-launcher and Chrome-flag parsing its own CLI uses (LHCI ran that CLI).
const lighthouseMain = require.resolve('lighthouse');
const {default: lighthouse} = await import(pathToFileURL(lighthouseMain).href);
const {parseChromeFlags} = await import(pathToFileURL(path.join(path.dirname(lighthouseMain), '..', 'cli', 'run.js')).href);
const chromeLauncher = await import(pathToFileURL(createRequire(lighthouseMain).resolve('chrome-launcher')).href);

const collect = require(path.resolve(opts.config)).ci.collect;
const {chromeFlags = '', ...settings} = collect.settings || {};
const chromePath = collect.chromePath || process.env.CHROME_PATH || '/usr/bin/chromium'; // as LHCI chose

fs.mkdirSync(opts.out, {recursive: true});
const jobs = urls.flatMap((url) => Array.from({length: runs}, () => url)).filter((_, i) => i % workers === me);

async function once(port, url) {
  const result = await lighthouse(url, {...settings, port, output: ['json', 'html'], logLevel: 'error'});
  if (!result) throw new Error('no result');
  if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
  return result;
}

const chrome = await chromeLauncher.launch({chromePath, chromeFlags: parseChromeFlags(chromeFlags)});
let failed = false;
try {
  for (const [n, url] of jobs.entries()) {
    const name = `lhr-${stamp}${me}${String(n).padStart(3, '0')}`;
    const t0 = Date.now();
    const errors = [];
    let result;
    while (!result && errors.length < ATTEMPTS) {
      try {
        result = await once(chrome.port, url);
      } catch (err) {
        errors.push(err);
        console.error(`worker ${me}: ${url}: attempt ${errors.length} failed: ${err.message}`);
      }
    }
    if (!result) {
      console.error(`worker ${me}: ${url}: Lighthouse failed ${ATTEMPTS} times: ${errors[0].stack || errors[0]}`);
      failed = true;
      break;
    }
    const [json, html] = result.report;
    fs.writeFileSync(path.join(opts.out, `${name}.json`), json);
    fs.writeFileSync(path.join(opts.out, `${name}.html`), html); // the HTML report, as LHCI wrote it
    const perf = result.lhr.categories.performance?.score;
    console.log(`worker ${me}: ${name} ${url} performance ${perf ?? 'n/a'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  chrome.kill();
}
process.exit(failed ? 1 : 0);

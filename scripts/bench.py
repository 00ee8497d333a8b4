"""The build benchmark: how long the site takes to build, at today's size and at thousands of pages.

    uv run invoke bench --projects 1000            # N synthetic projects in English and Czech
    uv run invoke bench --projects 0               # the real site as it is
    uv run python scripts/bench.py --projects 5 --runs 1

What it does, in a temporary copy of the site (content/, theme/, pelicanconf.py, publishconf.py):

1. writes N synthetic projects in each language into content/projects/{en,cs}/ (bench_content.py):
   valid for the content model (`content.load_site` checks them before anything is measured),
   partners from content/data/partners.yaml, categories, phases and years spread the way real
   projects are, Markdown bodies of a few hundred words with headings, lists and paragraphs;
   deterministic (a fixed seed; project i is the same whatever N is);
2. measures our build (`icuk_site.build.safe.build` with the real settings: every plugin, the
   Pagefind index, the open data), as the median of `runs`:
   - full:   from scratch, as CI and `invoke publish` build: no output folder, no content cache;
   - cached: a development rebuild (content cache on, build/incremental.py) with nothing changed;
   - edit:   the same after one project's body changed;
   cached and edit run as `invoke livereload` runs them: forked from a warm build process
   (build/warm.py); the same edit in a new interpreter (`invoke build`), and the first development
   build (which writes the caches), are printed too, not on the last line;
3. builds the same documents with plain Pelican (`notmyidea`, no plugins, Pelican's own
   `Title:`/`Date:` metadata header, default settings otherwise), cold, as the baseline; its
   runs alternate with the full builds so that both meet the machine in the same state.

Times are wall-clock: for full builds the whole process (interpreter start, imports, build,
search index), what CI waits for; for cached and edit rebuilds from the request to the warm
process's child ending, what an author waits for with `invoke livereload`. Memory is the peak resident set size
of the build's processes (the build, or the largest of the helper processes and Pagefind
indexers it runs), from the kernel's accounting of the finished child (`os.wait4`). Each run
also reports its CPU time (user and system: the system part is mostly creating files).

The last line of the output is always

    bench: projects=N pages=P full=F cached=C edit=E vanilla=V ratio=R rss=M

(seconds; ratio = full / vanilla; P = HTML pages our build wrote; rss in MiB).
docs/performance.md has the figures on the reference machine and where the time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_content import ROOT, SEED, copy_site, generate, write_vanilla  # scripts/ is on sys.path
from icuk_site.build.warm import WarmBuilder

LAST_LINE_RE = re.compile(
    r"^bench: projects=(?P<projects>\d+) pages=(?P<pages>\d+) full=(?P<full>\d+\.\d+) "
    r"cached=(?P<cached>\d+\.\d+) edit=(?P<edit>\d+\.\d+) vanilla=(?P<vanilla>\d+\.\d+) "
    r"ratio=(?P<ratio>\d+\.\d+) rss=(?P<rss>\d+)$"
)


@dataclass
class Run:
    seconds: float  # wall-clock time of the build process
    cpu: float  # CPU time (user + system) of the build and the processes it waited for
    user: float  # … of which user time (the rest is the kernel's: mostly creating files and folders)
    rss_mib: float  # peak resident set size of the process tree (largest process), MiB
    build_seconds: float  # the time the build reported itself (no interpreter start)

    def __str__(self) -> str:
        return (f"{self.seconds:.2f} s (cpu {self.cpu:.2f} s: user {self.user:.2f}, system {self.cpu - self.user:.2f}), "
                f"{self.rss_mib:.0f} MiB")


class BenchError(RuntimeError):
    pass


def _worker_env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _warm_run(builder: WarmBuilder, settings: str, output: str, overrides: str) -> Run:
    """One build through the warm build process (what `invoke livereload` does on a change)."""
    os.sync()  # as _run_worker: no writes of an earlier build pending
    result = builder.build(settings, output, json.loads(overrides))
    if not result.ok:
        raise BenchError("warm build failed:\n" + "\n".join(result.problems))
    return Run(result.seconds, result.cpu, result.user, result.rss_mib, result.seconds)


def _run_worker(args: list[str], cwd: Path, log_dir: Path, label: str) -> Run:
    """Run `python scripts/bench.py --worker …` in a fresh interpreter; time it, read its peak RSS."""
    env = _worker_env()
    os.sync()  # the previous build's files are on disk: its write-back does not land in this run
    out_path, err_path = log_dir / f"{label}.out", log_dir / f"{label}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker", *args],
                                cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        raise BenchError(f"{label}: build failed ({proc.returncode}):\n{stderr[-4000:]}\n{stdout[-2000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_utime, usage.ru_maxrss / 1024, report["seconds"])


def _worker(argv: list[str]) -> int:
    """In the child: one build, then one JSON line {"seconds": …} on stdout."""
    import logging

    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING)
    kind, settings, output = argv[0], argv[1], argv[2]
    overrides = json.loads(argv[3]) if len(argv) > 3 else {}
    profile = argv[4] if len(argv) > 4 else None
    start = time.perf_counter()
    if kind == "icuk":
        from icuk_site.build.safe import build

        if profile:  # a sampling profile of the build (pyinstrument, a development dependency)
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.002)
            profiler.start()
        result = build(settings, output, overrides)
        if profile:
            profiler.stop()
            Path(profile).write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        if not result.ok:
            print("\n".join(result.problems), file=sys.stderr)
            return 1
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        shutil.rmtree(output, ignore_errors=True)  # (the benchmark has set it aside already)
        Pelican(read_settings(settings, override={"OUTPUT_PATH": output, **overrides})).run()
    print(json.dumps({"seconds": time.perf_counter() - start}))
    if kind == "icuk":  # ends as `python -m icuk_site.build` does
        from icuk_site.build.__main__ import exit_now

        exit_now(0)
    return 0


@dataclass
class Result:
    projects: int
    pages: int
    full: list[Run]
    cached: list[Run]
    edit: list[Run]
    vanilla: list[Run]
    cold_edit: list[Run] = field(default_factory=list)  # reported, not on the last line

    @staticmethod
    def median(runs: list[Run]) -> float:
        return statistics.median(r.seconds for r in runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mib for r in self.full + self.cached + self.edit)

    def line(self) -> str:
        full, vanilla = self.median(self.full), self.median(self.vanilla)
        return (f"bench: projects={self.projects} pages={self.pages} full={full:.2f} "
                f"cached={self.median(self.cached):.2f} edit={self.median(self.edit):.2f} "
                f"vanilla={vanilla:.2f} ratio={full / vanilla:.2f} rss={self.rss:.0f}")


def _edit(path: Path, run: int) -> None:
    """Change one project's body (front-matter untouched, so it stays valid)."""
    text = path.read_text(encoding="utf-8")
    marker = "\n<!-- bench edit -->\n"
    text = text.split(marker)[0]
    path.write_text(f"{text}{marker}\nEdited by the benchmark, run {run + 1}.\n", encoding="utf-8")


def run_bench(projects: int, runs: int = 3, seed: int = SEED, keep: Path | None = None,
              say=print, profile: Path | None = None) -> Result:
    """Generate, validate, build and measure; see the module docstring."""
    from icuk_site.build.clock import source_date_epoch
    from icuk_site.content import load_site

    work = Path(tempfile.mkdtemp(prefix="icuk-bench-")) if keep is None else keep
    try:
        site_dir = copy_site(work / "site")
        slugs = generate(site_dir / "content", projects, seed)
        site = load_site(site_dir / "content")  # the synthetic content must be valid
        say(f"generated {projects} projects in 2 languages; content: {len(site.documents)} documents, valid")
        logs = work / "logs"
        logs.mkdir()
        settings = str(site_dir / "pelicanconf.py")
        output = str(site_dir / "output")
        cache = site_dir / "cache"
        epoch = source_date_epoch(ROOT)
        overrides = json.dumps({"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "CACHE_PATH": str(cache),
                                "SOURCE_DATE_EPOCH": epoch})
        args = ["icuk", settings, output, overrides]  # development builds
        full_args = ["icuk", settings, output, json.dumps({"LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False,
                                                           "SOURCE_DATE_EPOCH": epoch})]
        edited = site_dir / "content" / "projects" / "en" / (
            f"{slugs[len(slugs) // 2]}.md" if slugs else sorted((site_dir / "content/projects/en").glob("*.md"))[0].name)

        plain = work / "vanilla"
        write_vanilla(site_dir, plain)
        vanilla_args = ["vanilla", str(plain / "pelicanconf.py"), str(plain / "output")]

        full, cached, edit, cold_edit, vanilla = [], [], [], [], []
        # Full builds and plain Pelican take turns, so that both meet the machine (and its file
        # system, slower after trees of files are deleted) in the same state. One untimed pair
        # first: it brings Python, the libraries and the sources into the page cache for both.
        trash = work / "trash"  # earlier outputs are set aside, not deleted, until the end: deleting
        trash.mkdir()  # thousands of files slows the file system down for a while, whoever builds next
        for k in range(-1, runs):
            _set_aside(Path(output), trash)  # from scratch: no output (and no cache)
            run = _run_worker(full_args, site_dir, logs, f"full-{k}")
            _set_aside(plain / "output", trash)
            plain_run = _run_worker(vanilla_args, plain, logs, f"vanilla-{k}")
            if k < 0:
                say(f"warm-up (not counted): full build {run.seconds:.2f} s, plain Pelican {plain_run.seconds:.2f} s")
                continue
            full.append(run)
            say(f"full build {k + 1}/{runs}: {full[-1]}")
            vanilla.append(plain_run)
            say(f"plain Pelican {k + 1}/{runs}: {vanilla[-1]}")
        pages = sum(1 for _ in Path(output).rglob("*.html"))
        _set_aside(cache, trash)
        _set_aside(Path(output), trash)
        first = _run_worker(args, site_dir, logs, "first-development-build")
        say(f"first development build (writes the caches; not counted): {first}")
        # The edit loop as `invoke livereload` runs it: a warm process forks each build (warm.py).
        with open(logs / "warm.err", "wb") as warm_log, WarmBuilder(site_dir, _worker_env(), warm_log) as builder:
            builder.start()
            for k in range(runs):
                cached.append(_warm_run(builder, settings, output, overrides))
                say(f"cached rebuild {k + 1}/{runs}: {cached[-1]}")
            for k in range(runs):
                _edit(edited, k)
                edit.append(_warm_run(builder, settings, output, overrides))
                say(f"edit rebuild {k + 1}/{runs}: {edit[-1]}")
        for k in range(runs):  # for comparison: the same edit with a new interpreter (`invoke build`)
            _edit(edited, runs + k)
            cold_edit.append(_run_worker(args, site_dir, logs, f"edit-new-process-{k}"))
            say(f"edit rebuild in a new process {k + 1}/{runs}: {cold_edit[-1]}")

        if profile is not None:  # one more full build, profiled (not part of the figures)
            _set_aside(Path(output), trash)
            _run_worker([*full_args, str(profile.resolve())], site_dir, logs, "profile")
            say(f"profile of a full build: {profile}")
        shutil.rmtree(trash, ignore_errors=True)
        return Result(projects, pages, full, cached, edit, vanilla, cold_edit)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _set_aside(path: Path, trash: Path) -> None:
    if path.exists():
        path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return _worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000, help="synthetic projects per language (0: the real site)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--keep", type=Path, default=None, help="work in this (new) folder and keep it")
    parser.add_argument("--profile", type=Path, default=None,
                        help="also profile one full build (pyinstrument) into this text file")
    args = parser.parse_args(argv)
    if args.projects < 0 or args.runs < 1:
        parser.error("--projects must be 0 or more and --runs 1 or more")
    if args.keep is not None and args.keep.exists():
        parser.error(f"{args.keep} exists; --keep needs a new folder")
    try:
        result = run_bench(args.projects, args.runs, args.seed, args.keep, profile=args.profile)
    except BenchError as e:
        print(e, file=sys.stderr)
        return 1
    print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())

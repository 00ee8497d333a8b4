"""A warm build process for the edit loop (`invoke livereload`; the benchmark's cached and edit figures).

A new interpreter spends about half a second importing Pelican, Jinja, Markdown, Babel and
this package before it builds anything, and a few tenths more tearing down a process that held
a whole site: at 1,000 projects that is a third of an edit rebuild. Pelican's own `--autoreload`
avoids it by building again and again in one process, which carries caches and module state
from one build into the next. We do neither: `WarmBuilder` starts one server process
(`python -m icuk_site.build.warm`) that imports everything once and then waits. For each build it
forks a child that runs `icuk_site.build.safe.build` exactly as `python -m icuk_site.build` would —
from the state right after the imports, nothing of an earlier build — and ends without the
teardown (`os._exit`, after flushing its output; the build has closed its session by then).
The build's own promises are unchanged: it validates first, and a failed build leaves the
output folder as it was.

When a file of this package changes, the server is started again before the next build (the
children would otherwise run the old code). Where forking is not safe (not Linux), each build
runs in a new interpreter, as `python -m icuk_site.build` does.

    with WarmBuilder() as builder:
        result = builder.build("pelicanconf.py", "output")   # a WarmResult
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .parallel import fork_safe

PACKAGE = Path(__file__).resolve().parents[1]  # icuk_site/
# Modules a build imports on its way (Pelican's plugins are imported by name from the settings).
PRELOAD = ("pelican", "pelican.generators", "pelican.readers", "pelican.writers", "pelican.plugins._utils",
           "icuk_site.build.safe", "icuk_site.plugin", "icuk_site.session", "icuk_site.outputs.listings",
           "icuk_site.outputs.opendata", "icuk_site.render.timeline", "icuk_site.render.views",
           "markdown", "markdown.extensions.toc", "markdown.extensions.sane_lists",
           "markdown.extensions.abbr", "markdown.extensions.footnotes", "markdown.extensions.def_list",
           "markdown.extensions.fenced_code", "typogrify.filters", "feedgenerator", "yaml", "babel.dates",
           "PIL.Image", "pagefind.service")


@dataclass
class WarmResult:
    ok: bool
    seconds: float  # wall-clock, from the request to the child's exit
    cpu: float = 0.0  # user + system time of the child and everything it waited for
    user: float = 0.0
    rss_mib: float = 0.0  # the child's peak resident set
    problems: list[str] = field(default_factory=list)


def _package_stamp() -> dict[str, tuple[int, int]]:
    stamp = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        st = path.stat()
        stamp[path.relative_to(PACKAGE).as_posix()] = (st.st_mtime_ns, st.st_size)
    return stamp


class WarmBuilder:
    """A client for the warm build server; one build at a time."""

    def __init__(self, cwd: str | Path | None = None, env: dict | None = None, stderr=None):
        self.cwd = Path(cwd) if cwd else Path.cwd()
        self.env = env
        self.stderr = stderr  # where the builds' messages go (a file; default: this process's stderr)
        self.proc: subprocess.Popen | None = None
        self.stamp: dict | None = None

    def _start(self) -> None:
        env = dict(os.environ if self.env is None else self.env)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE.parent), env.get("PYTHONPATH")]))
        self.stamp = _package_stamp()
        self.proc = subprocess.Popen([sys.executable, "-m", "icuk_site.build.warm"], cwd=self.cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True,
                                     bufsize=1)
        ready = self.proc.stdout.readline()
        if json.loads(ready or "{}").get("ready") is not True:
            self.close()
            raise RuntimeError("the warm build server did not start")

    def start(self) -> WarmBuilder:
        """Start the server now (else the first build does)."""
        if self.proc is None or self.proc.poll() is not None or self.stamp != _package_stamp():
            self.close()
            self._start()
        return self

    def build(self, settings: str | Path = "pelicanconf.py", output: str | Path | None = None,
              overrides: dict | None = None) -> WarmResult:
        if not fork_safe():
            return self._build_cold(settings, output, overrides)
        self.start()
        request = {"settings": str(settings), "output": None if output is None else str(output),
                   "overrides": overrides or {}}
        start = time.perf_counter()
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        seconds = time.perf_counter() - start
        if not line:
            self.close()
            return WarmResult(False, seconds, problems=["the warm build server stopped"])
        reply = json.loads(line)
        return WarmResult(reply["ok"], seconds, reply["cpu"], reply["user"], reply["rss_mib"], reply["problems"])

    def _build_cold(self, settings, output, overrides) -> WarmResult:
        """Without fork: a new interpreter per build (overrides are not passed: settings only)."""
        cmd = [sys.executable, "-m", "icuk_site.build", "--settings", str(settings)]
        if output is not None:
            cmd += ["--output", str(output)]
        start = time.perf_counter()
        ok = subprocess.run(cmd, cwd=self.cwd, env=self.env, stderr=self.stderr).returncode == 0
        return WarmResult(ok, time.perf_counter() - start)

    def close(self) -> None:
        if self.proc is not None:
            proc, self.proc = self.proc, None
            try:
                proc.stdin.close()
                proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            proc.stdout.close()

    def __enter__(self) -> WarmBuilder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --------------------------------------------------------------------------------------------
# The server (python -m icuk_site.build.warm): one JSON request per line on stdin, one reply per line
# --------------------------------------------------------------------------------------------


def _child(request: dict, reply_fd: int) -> None:
    """In the forked child: one build, its result written to `reply_fd`, then exit at once."""
    code = 1
    try:
        from .safe import build

        result = build(request["settings"], request["output"], request["overrides"])
        data = {"ok": result.ok, "problems": result.problems}
        code = 0
    except BaseException as e:  # reported, never a hung server
        import traceback

        traceback.print_exc()
        data = {"ok": False, "problems": [f"{type(e).__name__}: {e}"]}
    try:
        os.write(reply_fd, json.dumps(data).encode())
    finally:
        from .__main__ import exit_now

        exit_now(code)  # no teardown of the site's objects: that is what the parent saves


def _serve() -> int:
    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING)
    for name in PRELOAD:
        importlib.import_module(name)
    out = sys.stdout
    sys.stdout = sys.stderr  # the protocol has stdout to itself; anything a build prints goes to stderr
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        request = json.loads(line)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(request, write_fd)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as f:
            data = f.read()
        _, _status, usage = os.wait4(pid, 0)
        reply = json.loads(data) if data else {"ok": False, "problems": ["the build process died"]}
        reply.update(cpu=usage.ru_utime + usage.ru_stime, user=usage.ru_utime, rss_mib=usage.ru_maxrss / 1024)
        out.write(json.dumps(reply) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    if not fork_safe():
        sys.exit("icuk_site.build.warm needs fork(); use python -m icuk_site.build")
    sys.exit(_serve())

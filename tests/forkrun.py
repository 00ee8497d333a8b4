"""`python -m MODULE ARGS…` for the tests, without the half a second of imports each time.

A command such as `python -m invoke check` spends ~0.8 s importing Pelican, Babel, ICU and
Markdown for ~0.1 s of work. `ForkRunner` starts one server (`python tests/forkrun.py`, a fresh
interpreter: no thread of pytest, Playwright or an HTTP server is ever forked) that imports those
modules once and waits. For each command it forks a child that does what the interpreter does
for `python -m MODULE ARGS…` started in `cwd` with `env` — the environment replaced, sys.path[0]
the working folder, stdin /dev/null, stdout and stderr to files (UTF-8, as under C.UTF-8), the
module run as __main__ by runpy, SystemExit and uncaught exceptions turned into the exit code and
the traceback — and ends with `os._exit`. Nothing runs in the server between the imports and the
fork, so each child starts from the state right after the imports, as icuk_site/build/warm.py
does for the livereload builds. The language of the messages is read from the environment at
call time (icuk_site/content/messages.py, author_lang), so each child speaks its own LANG.

Used by tests/mistakes.py (assert_refused), test_authoring.py and test_spelling.py (the invoke
tasks); tests/test_mistakes.py keeps one test that runs the real `python -m …` commands and
checks that they say exactly what the forked ones say.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# What the commands import on their way (besides the warm builder's list, icuk_site/build/warm.py).
PRELOAD = ("invoke", "invoke.main", "icuk_site.authoring", "icuk_site.build.safe",
           "icuk_site.content", "pelican.log")


@dataclass
class Command:
    args: list[str]  # after `python`, e.g. ["-m", "invoke", "check"]
    cwd: Path
    env: dict[str, str]


class ForkRunner:
    """A client of the fork server; one request at a time (the commands of a request run together)."""

    def __init__(self, scratch: Path, env: dict[str, str] | None = None, timeout: float = 300):
        self.scratch = Path(scratch)  # the commands' captured output, and the server's own stderr
        self.scratch.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self.count = 0
        self.log = open(self.scratch / "server.log", "w+b")  # noqa: SIM115 (closed in close())
        self.proc = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env, text=True, bufsize=1, start_new_session=True)
        ready = self._reply()
        if ready.get("ready") is not True:
            raise RuntimeError(f"the fork server did not start: {ready}")

    def _reply(self) -> dict:
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(self.timeout):
                self.close()
                raise TimeoutError(f"the fork server did not answer within {self.timeout} s")
        line = self.proc.stdout.readline()
        if not line:
            self.close()
            raise RuntimeError(f"the fork server stopped: {self._log_text()}")
        return json.loads(line)

    def _log_text(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def run(self, *commands: Command) -> list[subprocess.CompletedProcess]:
        """Run the commands at the same time; their results in order, as subprocess.run(…,
        capture_output=True, text=True) gives them."""
        jobs = []
        for cmd in commands:
            if cmd.args[:1] != ["-m"] or len(cmd.args) < 2:
                raise ValueError(f"only `python -m MODULE …` commands, not {cmd.args}")
            self.count += 1
            out, err = self.scratch / f"{self.count}.out", self.scratch / f"{self.count}.err"
            jobs.append({"module": cmd.args[1], "argv": cmd.args[2:], "cwd": str(cmd.cwd), "env": cmd.env,
                         "out": str(out), "err": str(err)})
        self.proc.stdin.write(json.dumps({"jobs": jobs}) + "\n")
        self.proc.stdin.flush()
        reply = self._reply()
        if "codes" not in reply:
            raise RuntimeError(f"the fork server failed: {reply}")
        results = []
        for cmd, job, code in zip(commands, jobs, reply["codes"], strict=True):
            stdout = Path(job["out"]).read_text(encoding="utf-8")
            stderr = Path(job["err"]).read_text(encoding="utf-8")
            for name in ("out", "err"):
                Path(job[name]).unlink()
            results.append(subprocess.CompletedProcess([sys.executable, *cmd.args], code, stdout, stderr))
        return results

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                os.killpg(self.proc.pid, signal.SIGKILL)  # the server and any child it forked
                self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


_shared: ForkRunner | None = None


def shared() -> ForkRunner:
    """This process's fork server (one per pytest process, so one per xdist worker), started at
    the first use — a new interpreter, so safe to start whatever threads this process has by
    then — and closed when the process ends."""
    global _shared
    if _shared is None:
        scratch = Path(tempfile.mkdtemp(prefix="icuk-forkrun-"))
        from conftest import author_env  # tests/conftest.py (the client side only: the server never imports it)

        # the server's own imports; each command brings its environment
        _shared = ForkRunner(scratch, env=author_env())
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        atexit.register(_shared.close)  # (atexit runs the last registered first)
    return _shared


# --------------------------------------------------------------------------------------------
# The server: one JSON request per line on stdin, one reply per line on stdout
# --------------------------------------------------------------------------------------------

def _exit_code(code) -> int:
    """The exit status of SystemExit(code), as the interpreter computes it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _child(job: dict) -> None:
    """In the forked child: `python -m MODULE ARGV…` in job's folder and environment; never returns."""
    code = 1
    try:
        import io
        import runpy

        os.chdir(job["cwd"])
        os.environ.clear()
        os.environ.update(job["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        for fd, path in ((1, job["out"]), (2, job["err"])):
            f = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(f, fd)
            os.close(f)
        # the standard streams as a new interpreter opens them under a UTF-8 locale
        unbuffered = bool(job["env"].get("PYTHONUNBUFFERED"))
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8", errors="surrogateescape")
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="surrogateescape",
                                      write_through=unbuffered)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                      errors="backslashreplace", line_buffering=True, write_through=unbuffered)
        sys.argv = [job["module"], *job["argv"]]  # runpy sets argv[0] to the module's file
        sys.path.insert(0, os.getcwd())  # as `python -m` does
        try:
            runpy.run_module(job["module"], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as e:
            code = _exit_code(e.code)
        except BaseException:
            sys.excepthook(*sys.exc_info())
            code = 1
        atexit._run_exitfuncs()
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        os._exit(code)


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


def serve() -> int:
    import importlib

    sys.path.pop(0)  # this file's folder (tests/) is no place to import the commands' modules from
    from icuk_site.build.warm import PRELOAD as BUILD_PRELOAD

    for name in (*BUILD_PRELOAD, *PRELOAD):
        importlib.import_module(name)
    out = sys.stdout
    sys.stdout = sys.stderr  # the protocol has stdout to itself
    if _threads() != 1:  # forking a process with threads could hang a child on a lock held by another thread
        out.write(json.dumps({"ready": False, "error": f"{_threads()} threads after the imports"}) + "\n")
        return 1
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        request = json.loads(line)
        pids = []
        for job in request["jobs"]:
            pid = os.fork()
            if pid == 0:
                _child(job)
            pids.append(pid)
        codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
        out.write(json.dumps({"codes": codes}) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(serve())

#!/usr/bin/python3
"""qtlab notebook executor: runs one notebook on the project's Deno kernel and exports it to HTML.

  /usr/bin/python3 scripts/nbrun.py --in NB.ipynb --out-ipynb OUT.ipynb [--out-html OUT.html]
      [--no-input] [--full-css] [--timeout SECONDS] [--kernel qtlab] [--cwd DIR] [--title TITLE]
  /usr/bin/python3 scripts/nbrun.py --worker     (jobs as JSON lines on stdin: see worker())

Debian's Python: the pyenv `python3` on PATH lacks nbclient. stdout is one JSON object per line
(start, cell, error, done). Exit 0: all cells ran, both files written; 1: a cell failed, timed out or
the kernel died (the executed notebook is written, the HTML is not); 2: usage error.
Traps handled: outputs the Deno kernel publishes just after `idle` (we
keep reading IOPub for a grace window), and orphan kernels (shutdown in `finally`, plus PDEATHSIG).
"""
import os
import sys

# Before any Jupyter import: silence the debugger/frozen-modules warning (inherited by the kernel too).
os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
if sys._xoptions.get("frozen_modules") != "off":  # same as `python3 -Xfrozen_modules=off`
    os.execv(sys.executable, [sys.executable, "-Xfrozen_modules=off", *sys.orig_argv[1:]])

import argparse
import asyncio
import ctypes
import json
import re
import signal
import tempfile
import time
import traceback
from contextlib import asynccontextmanager
from pathlib import Path
from queue import Empty

PROJECT = Path(__file__).resolve().parent.parent
# A HOME that is not a writable folder (HOME=/dev/null, a read-only home) stops Jupyter's runtime files
# and the Deno kernel (it reads ~/.npmrc): both get the project's own instead.
_home = os.environ.get("HOME", "")
if not (os.path.isdir(_home) and os.access(_home, os.W_OK)):
    os.environ["HOME"] = str(PROJECT / ".qtlab" / "home")
    os.makedirs(os.environ["HOME"], exist_ok=True)
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in (str(PROJECT / ".qtlab" / "jupyter"), os.environ.get("JUPYTER_PATH")) if p)

import nbformat  # noqa: E402
import nbformat.validator  # noqa: E402
from css_prune import prune_html_styles  # noqa: E402  (scripts/css_prune.py, beside this file)
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionComplete, CellExecutionError  # noqa: E402
from nbclient.util import ensure_async  # noqa: E402
from jupyter_client.asynchronous import AsyncKernelClient  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_core.paths import jupyter_path  # noqa: E402

TEMPLATES = PROJECT / "jupyter" / "templates"
HIDE_INPUT_TAG = "qtlab-hide-input"  # lib/report/run.ts HIDE_INPUT_TAG
# How long to keep reading a cell's IOPub after its `idle` status. The Deno kernel sometimes publishes a
# cell's execute_result just after idle (seen 0.3-12 ms after it, under load). On the Deno kernel a cell
# whose last statement is a bare expression waits for that result itself, up to RESULT_WAIT (a value of
# undefined or null publishes none), and is done as soon as it has it, mostly before idle; a cell that
# prints or displays (console.*, display(), Deno.jupyter), or any cell that can output on another kernel,
# waits LATE_GRACE of silence; one that only declares (imports, consts, a statement ended with ";") just
# drains what has already arrived.
LATE_GRACE = float(os.environ.get("QTLAB_LATE_GRACE_MS", "20")) / 1000
RESULT_WAIT = 0.1
QUIET_GRACE = 0.002
SHUTDOWN_POLL = 0.005  # seconds between looks at whether a kernel asked to shut down has exited
CAN_OUTPUT = re.compile(r"\bconsole\.|\bDeno\.jupyter\b|\bdisplay\s*\(")
LATE_FIX = os.environ.get("QTLAB_NO_LATE_OUTPUT_FIX") != "1"  # off only to measure the trap
# Prepare the exporter while the kernel starts (off only to compare the reports' bytes with it and without).
WARM_EXPORTER = os.environ.get("QTLAB_NO_EXPORT_WARMUP") != "1"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
KERNEL_NOISE = re.compile(r'deno jupyter.*is unstable')  # printed by every Deno kernel at start
UMASK = os.umask(0o022)
os.umask(UMASK)


def emit(event: str, **fields) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


def die_with_parent() -> None:
    """preexec_fn for the kernel: SIGKILL it if this process dies (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


class QtlabClient(NotebookClient):
    """NotebookClient that keeps late outputs, reports progress and remembers where it failed."""

    def __init__(self, nb, **kw):
        super().__init__(nb, **kw)
        self.current_index = None
        self.ready_at = None  # monotonic time the kernel answered (kernel start done)
        self.shutdown_seconds = 0.0
        self.late_outputs = 0
        self.signalled = None  # "SIGINT"/"SIGTERM" when a signal stopped the run
        self.while_kernel_starts = None  # called once, after the kernel process is launched

    @asynccontextmanager
    async def async_setup_kernel(self, **kw):
        """Replace nbclient's SIGINT/SIGTERM handlers (which kill the kernel under the running cell and
        end in an AssertionError) by ones that cancel the run; the kernel is then shut down on the way
        out as usual, and the run reports an error named after the signal."""
        async with super().async_setup_kernel(**kw):
            loop, task = asyncio.get_running_loop(), asyncio.current_task()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self._on_signal, sig, task)
            yield

    def _on_signal(self, sig, task):
        self.signalled = signal.Signals(sig).name
        task.cancel()

    async def async_start_new_kernel(self, **kwargs):
        self._start_kwargs = kwargs  # kept for a second start (below)
        await super().async_start_new_kernel(**kwargs)
        # The kernel process is launched and takes about a second to answer: prepare the exporter meanwhile.
        if self.while_kernel_starts is not None:
            prepare, self.while_kernel_starts = self.while_kernel_starts, None
            try:
                prepare()
            except Exception:  # e.g. a broken template: the export after the cells reports it, as before
                pass

    async def async_start_new_kernel_client(self):
        """A kernel that dies before it answers kernel_info (seen when many kernels start at once on a
        busy machine) is started once more: no cell has run yet, so nothing is lost or run twice."""
        try:
            kc = await super().async_start_new_kernel_client()
        except RuntimeError as exc:
            if "died before replying" not in str(exc) or getattr(self, "_restarted", False):
                raise
            self._restarted = True
            print(f"kernel: {exc}; starting it once more", file=sys.stderr)
            if self.km is None:  # nbclient cleaned the dead kernel up
                self.km = self.create_kernel_manager()
            await self.async_start_new_kernel(**getattr(self, "_start_kwargs", {}))
            kc = await super().async_start_new_kernel_client()
        self.ready_at = time.monotonic()
        return kc

    def create_kernel_manager(self):
        """nbclient's kernel manager, whose clients wait for the kernel by wait_for_ready (below)."""
        km = super().create_kernel_manager()
        km.client_factory = QtlabKernelClient
        km.kernel_spec_manager = kernel_spec_manager()
        # After a shutdown request jupyter_client looks whether the kernel has exited every 0.1 s, so every
        # notebook waited 0.1 s or more for a kernel that is gone in a few milliseconds. Look every 5 ms
        # (the request, the wait limits and the kill of a kernel that does not exit stay jupyter_client's).
        finish = km.finish_shutdown
        km.finish_shutdown = lambda waittime=None, pollinterval=0.1, restart=False: finish(
            waittime=waittime, pollinterval=SHUTDOWN_POLL, restart=restart)
        return km

    async def _async_cleanup_kernel(self):
        t0 = time.monotonic()
        await super()._async_cleanup_kernel()
        self.shutdown_seconds += time.monotonic() - t0

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type != "code" or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        self.current_index, self.late_outputs, t0 = cell_index, 0, time.monotonic()
        await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        fields = {"late": self.late_outputs} if self.late_outputs else {}
        emit("cell", index=cell_index, seconds=round(time.monotonic() - t0, 3), **fields)
        return cell

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        """nbclient returns at the `idle` status; we go on reading this cell's IOPub messages as long as
        the cell may still publish (see LATE_GRACE): until its execute_result (or error) has come, for a
        cell ending in an expression, or until a grace window passes without a message for this cell."""
        if not LATE_FIX:
            return await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        mode = wait_mode(cell.source)
        if mode == "result" and self.nb.metadata.get("language_info", {}).get("name") != "typescript":
            mode = "grace"  # the result wait is for the Deno kernel's late execute_result
        grace = LATE_GRACE if mode == "grace" else QUIET_GRACE
        deadline = None  # set once idle has been seen
        has_result = False
        while True:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=timeout))
            except Empty:
                return  # grace window over: the cell is complete
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue  # other parents are ignored, as nbclient does
            has_result = has_result or msg["msg_type"] in ("execute_result", "error")
            if deadline is not None:
                self.late_outputs += msg["msg_type"] != "status"
                deadline = time.monotonic() + (QUIET_GRACE if mode == "result" and has_result else grace)
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                waiting = mode == "result" and not has_result
                deadline = time.monotonic() + (RESULT_WAIT if waiting else grace)


async def wait_for_ready(kc, timeout: float | None = None) -> None:
    """Wait until the kernel answers kernel_info and its IOPub reaches us; replaces jupyter_client's
    wait, which sleeps 0.2 s after the reply to see IOPub alive, starts over when the kernel published
    before our subscription took (ZMQ's slow joiner: one more round trip and 0.2 s), then waits 0.2 s more
    of IOPub silence: 0.2-0.6 s of every kernel start spent idle. Here the kernel is ready as soon as one
    kernel_info request has both its reply (shell) and its `idle` status (IOPub), whichever comes first
    and for whichever request; when a reply's status does not follow within 0.1 s (published before the
    subscription took), another request is sent."""
    deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
    replies, idle = {}, set()  # request id -> its reply; request ids whose idle status came
    while True:
        kc.kernel_info()
        resend_at = time.monotonic() + 1.0
        while time.monotonic() < resend_at:
            try:
                reply = await kc.shell_channel.get_msg(timeout=0.02)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                replies[reply["parent_header"].get("msg_id")] = reply
                resend_at = min(resend_at, time.monotonic() + 0.1)
            while True:
                try:
                    msg = await kc.iopub_channel.get_msg(timeout=0)
                except Empty:
                    break
                if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                    idle.add(msg["parent_header"].get("msg_id"))
            done = next((r for mid, r in replies.items() if mid in idle), None)
            if done is not None:
                kc._handle_kernel_info_reply(done)
                return
        if not await ensure_async(kc.is_alive()):
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


def kernel_spec_manager() -> KernelSpecManager:
    """jupyter_client's kernelspec lookup over the same folders, given explicitly: its default list imports
    IPython (0.2 s, before the kernel can be launched) only to name IPython's own kernels folder, which is
    $IPYTHONDIR/kernels, else ~/.ipython/kernels."""
    ipython_dir = os.environ.get("IPYTHONDIR") or os.path.join(os.path.expanduser("~"), ".ipython")
    return KernelSpecManager(kernel_dirs=[*jupyter_path("kernels"), os.path.join(ipython_dir, "kernels")])


class QtlabKernelClient(AsyncKernelClient):
    """jupyter_client's asynchronous client, readied by wait_for_ready instead of its own wait."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        await wait_for_ready(self, timeout)


def wait_mode(source: str) -> str:
    """How a code cell ends (see LATE_GRACE): "grace" when it calls console.*, Deno.jupyter.* or
    display(); "result" when its last statement is a bare expression (as in lib/report/notebook.ts
    expectsOutput, simplified: not ended with ";" and not a declaration); "quiet" otherwise."""
    code = "\n".join(l for l in re.sub(r"/\*.*?\*/", "", source, flags=re.S).split("\n") if not l.strip().startswith("//")).strip()
    if not code:
        return "quiet"
    if CAN_OUTPUT.search(code):
        return "grace"
    last = code.split("\n")[-1].strip()
    if code.endswith(";") or re.match(r"(import|export|const|let|var|function|class|type|interface)\b", last):
        return "quiet"
    return "result"


def first_heading(nb) -> str | None:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", cell.source, re.M)
            if m:
                return re.sub(r"[*`]", "", m.group(1))  # drop bold/italic/code marks
    return None


def write_atomic(path: Path, text: str) -> None:
    """Write text to path via a temp file in the same folder and os.replace (never a half file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


CODE_SPAN = re.compile(r"(```[\s\S]*?```|`[^`\n]*`)")


def literal_dollars(markdown: str) -> str:
    """Markdown escapes "\\$" so that Jupyter's MathJax leaves a dollar sign alone; reports carry no
    MathJax, where nbconvert would print the backslash. Write those dollars as an HTML entity instead,
    outside code spans and fences (where the text is shown as typed)."""
    parts = CODE_SPAN.split(markdown)
    return "".join(p if i % 2 else p.replace("\\$", "&#36;") for i, p in enumerate(parts))


_EXPORTERS = {}


def _cache_validators() -> None:
    """Debian's nbformat 5.5 compiles its JSON-schema validator afresh on every relaxed validation, which
    nbconvert runs after each of its 11 preprocessors: 0.3 s of every export. The schema does not change
    within a process, so keep each compiled validator."""
    original = nbformat.validator.get_validator
    compiled = {}

    def get_validator(version=None, version_minor=None, relax_add_props=False, name=None):
        key = (version, version_minor, relax_add_props, name)
        if key not in compiled:
            compiled[key] = original(version, version_minor, relax_add_props, name)
        return compiled[key]

    nbformat.validator.get_validator = get_validator


_cache_validators()


def exporter_for(no_input: bool):
    """The process's HTML exporter for one mode, made and warmed on first use: nbconvert imported, the
    report template compiled and one empty notebook exported (the first export of a process pays about
    0.3 s that later ones do not). A worker keeps it for every notebook it runs, as it would anyway."""
    exporter = _EXPORTERS.get(no_input)
    if exporter is None:
        from nbconvert import HTMLExporter  # imported late: it is slow and not needed on a usage error

        exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="qtlab")
        if no_input:  # same switches as `jupyter nbconvert --no-input`
            exporter.exclude_input = exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
        if WARM_EXPORTER:
            exporter.from_notebook_node(nbformat.v4.new_notebook(), resources={"metadata": {"name": "warm-up"}})
        _EXPORTERS[no_input] = exporter
    return exporter


def export_html(nb, title: str, no_input: bool, full_css: bool = False) -> str:
    for cell in nb.cells:  # the report runner tags cells whose input it hides; nbconvert reads cell.transient
        if HIDE_INPUT_TAG in cell.metadata.get("tags", []):
            cell["transient"] = {"remove_source": True}
        if cell.cell_type == "markdown":
            cell.source = literal_dollars(cell.source)
    body, _ = exporter_for(no_input).from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body if full_css else prune_html_styles(body)


def error_fields(exc: BaseException, cell) -> dict:
    """ename/evalue/plain traceback, preferring the cell's own error output."""
    out = next((o for o in (cell.outputs if cell else []) if o.output_type == "error"), None)
    if isinstance(exc, CellExecutionError) and out is not None:
        ename, evalue, tb = out.ename, out.evalue, "\n".join(out.traceback)
    else:
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = getattr(exc, "evalue", str(exc).strip().splitlines()[0] if str(exc).strip() else "")
        tb = str(exc)
        if cell is not None and out is None:  # e.g. a timeout: record why the run stopped
            cell.outputs.append(nbformat.v4.new_output(
                "error", ename=ename, evalue=evalue, traceback=tb.splitlines()))
    return {"ename": ename, "evalue": ANSI.sub("", evalue), "traceback": ANSI.sub("", tb)}


async def run(args, nb) -> int:
    t0 = time.monotonic()
    code_cells = sum(c.cell_type == "code" for c in nb.cells)
    emit("start", notebook=str(args.inp), cells=len(nb.cells), code_cells=code_cells)
    client = QtlabClient(nb, kernel_name=args.kernel, timeout=args.timeout, record_timing=True,
                         resources={"metadata": {"path": str(args.cwd)}})
    if args.out_html and WARM_EXPORTER:
        client.while_kernel_starts = lambda: exporter_for(args.no_input)
    failure = None
    # The kernel's own stdout/stderr go to a scratch file, not into our JSON stream (forwarded below).
    kernel_log = tempfile.TemporaryFile()
    try:
        await client.async_execute(preexec_fn=die_with_parent, stdout=kernel_log, stderr=kernel_log)
    except (Exception, asyncio.CancelledError) as exc:  # cell error, timeout, dead kernel, signal
        if client.signalled:
            exc = RuntimeError(f"{client.signalled}: the run was stopped by a signal")
            exc.ename = client.signalled
        i = client.current_index
        failure = {"index": i, **error_fields(exc, nb.cells[i] if i is not None else None)}
    finally:  # nbclient shuts its kernel down; make sure, even if it could not
        km = client.km
        if km is not None and km.has_kernel:
            try:
                await ensure_async(km.shutdown_kernel(now=True))
            except RuntimeError:  # "No kernel is running!": it is gone already
                pass
        kernel_log.seek(0)
        for line in kernel_log.read().decode(errors="replace").splitlines():
            if line.strip() and not KERNEL_NOISE.search(line):
                print(f"kernel: {line}", file=sys.stderr)
        kernel_log.close()
    t_exec = time.monotonic()
    if failure:
        emit("error", **failure)
    t_export = None
    try:  # the executed notebook always (it shows the error); the report only after a clean run
        write_atomic(args.out_ipynb, nbformat.writes(nb))
        t_export = time.monotonic()
        if not failure and args.out_html:
            title = args.title or first_heading(nb) or args.inp.stem
            write_atomic(args.out_html, export_html(nb, title, args.no_input, args.full_css))
    except Exception as exc:  # a template or file-system problem: an error of the run, not of a cell
        failure = {"index": None, "ename": type(exc).__name__, "evalue": str(exc),
                   "traceback": "".join(traceback.format_exception(exc))}
        emit("error", **failure)
    t_end = time.monotonic()
    ready = client.ready_at or t_exec
    emit("done", ok=failure is None, seconds=round(t_end - t0, 3), timings={
        "kernel_start": round(ready - t0, 3) if client.ready_at else None,
        "execute": round(t_exec - ready - client.shutdown_seconds, 3),
        "shutdown": round(client.shutdown_seconds, 3), "export": round(t_end - (t_export or t_end), 3)})
    return 1 if failure else 0


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message):  # raise instead of exiting: a worker reports it and goes on
        raise UsageError(message)


def parser() -> Parser:
    p = Parser(prog="nbrun.py", description="Execute a qtlab notebook and export it.")
    add = p.add_argument
    add("--in", dest="inp", metavar="NB.ipynb", type=Path, required=True, help="notebook to run")
    add("--out-ipynb", metavar="OUT.ipynb", type=Path, required=True, help="executed notebook")
    add("--out-html", metavar="OUT.html", type=Path, help="HTML report (only if every cell passes)")
    add("--no-input", action="store_true", help="hide code cells' inputs and prompts in the HTML")
    add("--full-css", action="store_true", help="keep JupyterLab's whole style sheet (default: only the rules the page can use)")
    add("--timeout", metavar="SECONDS", type=int, default=600, help="per cell (default 600)")
    add("--kernel", metavar="NAME", default="qtlab", help="kernelspec (default qtlab)")
    add("--cwd", metavar="DIR", type=Path, help="kernel's folder (default: the notebook's)")
    add("--title", metavar="TITLE", help="HTML title (default: the first markdown heading)")
    return p


def prepare(argv):
    """Parsed arguments and the notebook for one run; UsageError for anything a user must fix."""
    args = parser().parse_args(argv)
    if not args.inp.is_file():
        raise UsageError(f"no such notebook: {args.inp}")
    if args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    args.cwd = (args.cwd or args.inp.parent).resolve()
    if not args.cwd.is_dir():
        raise UsageError(f"no such folder: {args.cwd}")
    try:
        nb = nbformat.read(args.inp, as_version=4)
    except Exception as exc:  # not JSON, not a notebook
        raise UsageError(f"cannot read {args.inp}: {exc}") from exc
    return args, nb


def worker() -> int:
    """--worker: run notebooks one after another in this process, one job per stdin line
    ({"id": ..., "argv": [the usual arguments]}); each job's events as usual, then
    {"event": "exit", "id": ..., "code": 0|1|2}. The report runner keeps one worker per parallel job,
    so Python, Jupyter's imports and the report template are paid once per worker, not per notebook.
    Ends at the end of stdin."""
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        try:
            args, nb = prepare(job["argv"])
            code = asyncio.run(run(args, nb))
        except UsageError as exc:
            emit("error", index=None, ename="UsageError", evalue=str(exc), traceback="")
            code = 2
        sys.stderr.flush()
        emit("exit", id=job.get("id"), code=code)
    return 0


def main() -> int:
    if sys.argv[1:] == ["--worker"]:
        return worker()
    try:
        args, nb = prepare(sys.argv[1:])
    except UsageError as exc:
        parser().print_usage(sys.stderr)
        print(f"nbrun.py: error: {exc}", file=sys.stderr)
        return 2
    return asyncio.run(run(args, nb))


if __name__ == "__main__":
    sys.exit(main())

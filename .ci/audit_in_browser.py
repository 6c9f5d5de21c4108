"""Open the audit page (and the built docs) in headless Chromium and check what a reader sees.

Usage: python .ci/audit_in_browser.py --screenshot OUT.png [--docs docs/_build/html]
       [--chromium /usr/bin/chromium]

1. Writes an audit page with ``lawgov-metrics audit`` for a directory of reports made here:
   the three bundled Huadu reports, a 2022 report contradicting the 2023 growth claim, a
   report whose text and file name try to inject HTML, and a binary file.
2. Loads it in Chromium, driven over the DevTools protocol on a pipe (fds 3 and 4; no
   network port, no third-party client), and fails on any console error, uncaught
   exception or log entry of level error (a blocked resource, a CSP violation).
3. Checks in the browser that every chart image decoded, that the folded sections start
   closed, and that failures come first; writes a full-page screenshot.
4. Parses the DOM Chromium rendered with :mod:`html.parser` and checks the structure: the
   section order, a highlighted quote with its file name in every failure, no script
   element, no event-handler attribute, no external resource, no absolute path.
5. With ``--docs``, loads the quickstart and the CLI page and checks that no code block
   overflows its box (long lines wrap).

Exits 0 when every check passed, 1 otherwise, printing what failed.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
TIMEOUT = 60.0
# Debian's /usr/bin/chromium is a shell script that sources /etc/chromium.d, which loses the
# pipe's fds 3 and 4; the binary it runs is called directly.
BINARIES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")

CONTRADICTION = """广州市花都区人民政府关于2022年度法治政府建设情况的报告

发布日期:2023-01-06 09:30    文章来源:花都区司法局

  2022年,全区收到行政复议申请467宗,依法审结行政复议案件430宗。
"""

INJECTION = """<script>alert("title")</script>青松县人民政府关于2023年度法治政府建设情况的报告

  一、主要工作成效

  2023年,全县收到行政复议申请10宗"><img src=x onerror=alert(1)>,同比增长68.67%。
  全年办理政府信息公开申请案件1357件<iframe src="https://example.invalid/">,
  行政复议案件1357宗</textarea><script>alert(2)</script>。
"""


class Browser:
    """Chromium over the DevTools protocol on a pipe: JSON messages ending in a NUL byte."""

    def __init__(self, executable: str, profile: str) -> None:
        cmd_r, cmd_w = os.pipe()  # we write commands, Chromium reads them on fd 3
        out_r, out_w = os.pipe()  # Chromium writes on fd 4, we read

        # A shell puts the pipe ends on fds 3 and 4 and then becomes Chromium.
        self.proc = subprocess.Popen(
            [
                "/bin/sh",
                "-c",
                f'exec 3<&{cmd_r} 4>&{out_w} {cmd_r}<&- {out_w}>&-; exec "$0" "$@"',
                executable,
                *FLAGS,
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(cmd_r, out_w),
        )
        os.close(cmd_r)
        os.close(out_w)
        self._w = os.fdopen(cmd_w, "wb", buffering=0)
        self._r = os.fdopen(out_r, "rb", buffering=0)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = self._r.read(1 << 16)
            if not chunk:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                raise RuntimeError(f"Chromium closed the pipe:\n{err[-2000:]}")
            self._buf += chunk
        msg, _, self._buf = self._buf.partition(b"\0")
        return dict(json.loads(msg))

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events on the way are kept."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session and self.session:
            msg["sessionId"] = self.session
        self._w.write(json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (or take it from those already received)."""
        for i, ev in enumerate(self.events):
            if ev.get("method") == method:
                return self.events.pop(i)
        deadline = time.monotonic() + TIMEOUT
        while True:
            ev = self._read(deadline)
            if ev.get("method") == method:
                return ev
            self.events.append(ev)

    def open_page(self) -> None:
        target = self.send("Target.createTarget", session=False, url="about:blank")
        attached = self.send(
            "Target.attachToTarget", session=False, targetId=target["targetId"], flatten=True
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=1280,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )

    def load(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => setTimeout(r, 300))")  # late console messages

    def evaluate(self, expression: str) -> Any:
        res = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in res:
            raise RuntimeError(f"{expression}: {res['exceptionDetails']}")
        return res.get("result", {}).get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        found = []
        for ev in self.events:
            method, p = ev.get("method"), ev.get("params", {})
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value")) for a in p["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:500])
            elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                found.append("log: " + str(p["entry"].get("text")))
        return found

    def screenshot(self, path: Path) -> None:
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", session=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Dom(HTMLParser):
    """Elements in document order: (tag, attributes, text up to the next element)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.text_in: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text_in.setdefault("all", []).append(data)


def use_cjk_font(tmp: Path) -> None:
    """Let Chromium's fontconfig see the ``cjk`` extra's font, so the screenshot shows Chinese.

    Only this process's environment changes (``FONTCONFIG_FILE``); the system's fonts are
    still included.
    """
    from lawgov_metrics import _fonts

    font = _fonts.find_cjk_font()
    if font is None:
        return
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{Path(font.path).parent}</dir><cachedir>{tmp / 'fc-cache'}</cachedir>"
        "</fontconfig>",
        encoding="utf-8",
    )
    os.environ["FONTCONFIG_FILE"] = str(conf)


def make_reports(d: Path) -> None:
    for p in sorted(DATA.glob("huadu-*.txt")):
        shutil.copyfile(p, d / p.name)
    (d / "huadu-2022.txt").write_text(CONTRADICTION, encoding="utf-8")
    (d / "<img src=x onerror=alert(3)>.txt").write_text(INJECTION, encoding="utf-8")
    (d / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")


def write_page(tmp: Path) -> tuple[Path, float]:
    from lawgov_metrics import cli

    reports = tmp / "reports"
    reports.mkdir()
    make_reports(reports)
    page = tmp / "audit.html"
    start = time.monotonic()
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["audit", str(reports), "--html", str(page), "--no-progress"])
    if status != 2 or not page.is_file():  # scan.txt cannot be read: exit 2, page written
        raise SystemExit(f"audit exited {status}:\n{err.getvalue()}")
    return page, time.monotonic() - start


def check_audit(browser: Browser, page: Path, shot: Path, tmp: Path) -> list[str]:
    problems: list[str] = []
    browser.load(page.as_uri())
    problems += browser.errors()
    seen = browser.evaluate(
        """(() => {
        const imgs = [...document.images];
        return {
          images: imgs.length,
          decoded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
          firstSection: document.querySelector("section").id,
          openDetails: document.querySelectorAll("details[open]").length,
          details: document.querySelectorAll("details").length,
          marks: document.querySelectorAll("#flagged mark").length,
          articles: document.querySelectorAll("#flagged article").length,
          scripts: document.scripts.length,
          title: document.title,
        };
      })()"""
    )
    if not seen["images"] or seen["decoded"] != seen["images"]:
        problems.append(f"chart images not all decoded: {seen}")
    if seen["firstSection"] != "flagged":
        problems.append(f"the first section is {seen['firstSection']!r}, not the failures")
    if seen["openDetails"] or not seen["details"]:
        problems.append(f"folded sections: {seen}")
    if seen["marks"] < seen["articles"] or not seen["articles"]:
        problems.append(f"failures without a highlighted quote: {seen}")
    if seen["scripts"]:
        problems.append(f"{seen['scripts']} script elements in the page")
    browser.screenshot(shot)

    dom_html = browser.evaluate("document.documentElement.outerHTML")
    dom = Dom()
    dom.feed(dom_html)
    ids = [a["id"] for tag, a in dom.elements if tag == "section" and "id" in a]
    want = ["flagged", "skipped", "folded", "reports", "summary", "charts"]
    if [i for i in ids if i in want] != want:
        problems.append(f"section order {ids}, expected {want}")
    for tag, attrs in dom.elements:
        if tag in ("script", "iframe", "object", "embed", "textarea"):
            problems.append(f"<{tag}> element in the rendered page")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"event handler attribute {name}={value!r} on <{tag}>")
            if name in ("src", "href") and not value.startswith("data:"):
                problems.append(f"external resource {name}={value!r} on <{tag}>")
    text = "".join(dom.text_in.get("all", []))
    for absolute in {str(tmp), str(tmp.resolve()), str(ROOT)}:
        if absolute in dom_html:
            problems.append(f"absolute path {absolute} in the page")
    for needle in ("huadu-2022.txt", "467宗", "<img src=x onerror=alert(3)>.txt", "scan.txt"):
        if needle not in text:
            problems.append(f"{needle!r} not shown on the page")
    flagged = dom_html[dom_html.index('id="flagged"') : dom_html.index('id="skipped"')]
    if not re.search(
        r'<span class="file">huadu-2022\.txt</span> <q>[^<]*<mark>467宗</mark>', flagged
    ):
        problems.append("the 2022 failure does not show its sentence, file and quote")
    return problems


def check_docs(browser: Browser, docs: Path) -> list[str]:
    problems: list[str] = []
    for name in ("quickstart.html", "cli.html", "panels.html"):
        page = docs / name
        if not page.is_file():
            problems.append(f"{page} was not built")
            continue
        browser.send("Emulation.setDeviceMetricsOverride", width=800, height=900,
                     deviceScaleFactor=1, mobile=False)  # fmt: skip
        browser.load(page.as_uri())
        problems += [f"{name}: {e}" for e in browser.errors()]
        wide = browser.evaluate(
            """[...document.querySelectorAll("div.highlight pre, pre")]
               .filter(p => p.scrollWidth > p.clientWidth + 1)
               .map(p => p.textContent.slice(0, 60))"""
        )
        if wide:
            problems.append(f"{name}: code blocks overflow instead of wrapping: {wide[:3]}")
        if name == "panels.html":
            imgs = browser.evaluate(
                "[...document.images].filter(i => i.src.endsWith('.png'))"
                ".map(i => [i.src.split('/').pop(), i.naturalWidth])"
            )
            if not imgs or any(w == 0 for _, w in imgs):
                problems.append(f"panels.html: charts built with the docs missing: {imgs}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshot", required=True, type=Path, help="PNG of the audit page")
    ap.add_argument("--docs", type=Path, help="built HTML docs to check as well")
    ap.add_argument(
        "--chromium",
        default=next((p for p in BINARIES if Path(p).is_file()), "chromium"),
        help="the browser binary (Debian's launcher script does not keep fds 3 and 4 open)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        page, took = write_page(tmp)
        shot = args.screenshot.resolve()
        print(f"audit page: {page.stat().st_size} bytes, written in {took:.1f}s")
        profile = tmp / "profile"
        profile.mkdir()
        use_cjk_font(tmp)
        browser = Browser(args.chromium, str(profile))
        try:
            browser.open_page()
            problems = check_audit(browser, page, shot, tmp)
            print(f"screenshot: {shot} ({shot.stat().st_size} bytes)")
            if args.docs is not None:
                problems += check_docs(browser, args.docs.resolve())
        finally:
            browser.close()
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    print(f"{'no' if not problems else len(problems)} problems found in the browser")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

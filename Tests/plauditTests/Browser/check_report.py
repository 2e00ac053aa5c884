#!/usr/bin/env python3
"""Opens an HTML report in headless Chromium and says what the browser saw, as JSON.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
file descriptor 3, replies on 4, each message ending in a NUL byte), so it needs nothing but
the Python standard library and the browser. Written for plaudit's report tests.

Usage: check_report.py REPORT.html [--screenshot OUT.png] [--timeout SECONDS]

Prints one JSON object:
  console   console messages of level error or warning, uncaught exceptions, and log entries
            of level error (Content-Security-Policy violations and failed loads land there)
  requests  every URL the page asked for other than the report itself and data: URLs
  dom       facts read from the rendered page: scripts, elements with on* attributes,
            javascript: URLs, iframes/objects/embeds, each chart's rendered size, the
            visible text, a sentinel any injected script would have set, and for
            bidirectional text: each <bdi> element's computed unicode-bidi and whether the
            text right after it is laid out after it and left to right, the text nodes that
            carry bidirectional controls outside any isolate, and NUL characters in the DOM
"""
import argparse
import base64
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

DOM_FACTS = r"""
(() => {
  const all = Array.from(document.querySelectorAll('*'));
  const handlers = all.filter(e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on')));
  const jsUrls = all.filter(e => Array.from(e.attributes).some(a =>
      /^\s*javascript:/i.test(a.value) && ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(a.name.toLowerCase())));
  const charts = Array.from(document.querySelectorAll('figure.chart-figure')).map(f => {
    const svg = f.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return {id: f.id, width: box.width, height: box.height,
            shapes: svg ? svg.querySelectorAll('rect,circle,line,polyline,polygon,path').length : 0};
  });
  // Bidirectional controls: each must sit inside an isolate, a <bdi> element in HTML or, in
  // SVG text (which has no <bdi>), FSI ... PDI characters around the whole label.
  const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
  const unisolated = [];
  let nuls = 0;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    nuls += (node.data.match(/\u0000/g) || []).length;
    if (!bidiControl.test(node.data)) continue;
    const parent = node.parentElement;
    const inBdi = parent && parent.closest('bdi');
    const inSvgIsolate = parent && parent.closest('svg') && node.data.startsWith('\u2068') && node.data.endsWith('\u2069');
    if (!inBdi && !inSvgIsolate) unisolated.push(node.data.slice(0, 120));
  }
  // For each <bdi>: where what follows it on its line starts, and for text, its first and last
  // visible characters. Isolated, it starts after the element and reads left to right; an
  // override leaking out of the element would lay it out reversed, or before the element.
  const isolates = Array.from(document.querySelectorAll('bdi')).map(b => {
    let next = b.nextSibling;
    while (next && next.nodeType === Node.TEXT_NODE && next.data.trim() === '') next = next.nextSibling;
    let follows = null;
    const box = b.getBoundingClientRect();
    if (next && next.nodeType === Node.TEXT_NODE) {
      const text = next.data;
      const first = text.search(/\S/);
      const last = text.trimEnd().length - 1;
      const rect = (i) => { const r = document.createRange(); r.setStart(next, i); r.setEnd(next, i + 1); return r.getBoundingClientRect(); };
      const a = rect(first), z = rect(last);
      follows = {text: text.slice(0, 60), same_line: Math.abs(a.top - box.top) < box.height, after_isolate: a.left >= box.right - 1,
                 left_to_right: last > first && Math.abs(a.top - z.top) < 1 ? a.left < z.left : null};
    } else if (next && next.nodeType === Node.ELEMENT_NODE) {
      const a = next.getBoundingClientRect();
      follows = {text: next.textContent.slice(0, 60), same_line: Math.abs(a.top - box.top) < box.height, after_isolate: a.left >= box.right - 1,
                 left_to_right: null};
    }
    return {unicode_bidi: getComputedStyle(b).unicodeBidi, text: b.textContent.slice(0, 120), follows: follows};
  });
  return {
    isolates: isolates,
    unisolated_bidi: unisolated,
    nuls: nuls,
    title: document.title,
    scripts: document.querySelectorAll('script').length,
    handlers: handlers.map(e => e.tagName.toLowerCase()),
    javascript_urls: jsUrls.length,
    embedded: document.querySelectorAll('iframe,object,embed,frame,base,form,meta[http-equiv="refresh"]').length,
    svgs: document.querySelectorAll('svg').length,
    svgs_outside_figures: Array.from(document.querySelectorAll('svg')).filter(s => !s.closest('figure.chart-figure')).length,
    links: document.querySelectorAll('a').length,
    images: document.querySelectorAll('img,image').length,
    charts: charts,
    tables: document.querySelectorAll('table').length,
    text: document.body ? document.body.innerText : '',
    sentinel: typeof window.__plauditXSS === 'undefined' ? null : String(window.__plauditXSS),
  };
})()
"""


class Browser:
    def __init__(self, executable, timeout):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="plaudit-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The child reads commands on fd 3 and writes replies on fd 4.
        def wire():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)
        args = [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--mute-audio",
                "--user-data-dir=" + self.profile, "about:blank"]
        # Descriptors 3 and 4 are kept open too: the copies made in `wire` land there, and
        # the child closes every descriptor not listed after `wire` has run.
        self.process = subprocess.Popen(args, pass_fds=(3, 4, to_browser_r, from_browser_w), preexec_fn=wire,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, predicate):
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if predicate(message):
                    if "error" in message:
                        raise RuntimeError(f"DevTools error: {message['error']}")
                    return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk

    def close(self):
        try:
            os.write(self.to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def find_chromium():
    # Debian's /usr/bin/chromium is a shell wrapper; the binary itself starts faster.
    if os.access("/usr/lib/chromium/chromium", os.X_OK):
        return "/usr/lib/chromium/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--screenshot")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    executable = find_chromium()
    if executable is None:
        print(json.dumps({"error": "no chromium on PATH"}))
        return 3
    url = pathlib.Path(args.report).resolve().as_uri()
    browser = Browser(executable, args.timeout)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            browser.send(domain, session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
        # Let anything scheduled at load run (an injected timer would fire here).
        time.sleep(0.5)
        facts = browser.send("Runtime.evaluate", {"expression": DOM_FACTS, "returnByValue": True}, session=session)
        dom = facts["result"]["result"].get("value")
        if args.screenshot:
            metrics = browser.send("Page.getLayoutMetrics", session=session)["result"]
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": int(min(size["height"], 16000)), "deviceScaleFactor": 1, "mobile": False},
                         session=session)
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["result"]["data"]
            pathlib.Path(args.screenshot).write_bytes(base64.b64decode(shot))
        console, requests = [], []
        for event in browser.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                console.append({"source": "console", "level": params["type"],
                                "text": " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))})
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                console.append({"source": "exception", "level": "error",
                                "text": details.get("exception", {}).get("description", details.get("text", ""))})
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                entry = params["entry"]
                console.append({"source": entry.get("source", "log"), "level": entry["level"], "text": entry.get("text", "")})
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if requested != url and not requested.startswith("data:"):
                    requests.append(requested)
        print(json.dumps({"console": console, "requests": requests, "dom": dom}))
        return 0
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())

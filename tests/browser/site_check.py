"""Visit pages of the built site in headless Chromium and record what a reader would hit.

The functions here only record, and the tests decide what counts as a failure.
They are shared by the browser tests, by the test that makes sure those
checks catch a broken site, and by ``measure_page_weight.py``.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM_PATH = Path("/usr/bin/chromium")

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium contacts Google hosts on its own at start-up.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Resolve every host name but the loopback address to "not found", so
    # that nothing a page names can even reach DNS.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
)

# Every URL but the loopback server's. A regular expression, unlike a Python
# callable, is matched inside Playwright's driver, so requests to the site
# go through without a round trip to this process.
NOT_LOOPBACK_URL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")

DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
PHONE_VIEWPORT = {"width": 390, "height": 844}

# Raw TeX that MathJax leaves in the text when it did not run or failed.
RAW_TEX_MARKERS = ("\\(", "\\)", "\\[", "\\]", "$$", "\\begin")

# Wait for MathJax's first typeset pass (when the page loads it) and for
# every image, then collect what the checks need in one round trip.
INSPECT_PAGE_JS = r"""
async ({rawTexMarkers, probeImageFiles}) => {
  const withTimeout = (promise, ms) =>
    Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);

  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await withTimeout(MathJax.startup.promise, 20000);
  }
  await withTimeout(document.fonts.ready, 10000);

  const images = [...document.images];
  for (const img of images) img.loading = "eager";
  await withTimeout(Promise.all(images.map((img) => img.complete ? null : new Promise((resolve) => {
    img.addEventListener("load", resolve, {once: true});
    img.addEventListener("error", resolve, {once: true});
  }))), 15000);

  const brokenImages = images.filter((img) => !(img.complete && img.naturalWidth > 0))
    .map((img) => img.getAttribute("src"));

  // The browser loads one srcset candidate (the 1x one at this pixel
  // ratio), so load every other file an image may show on its own.
  const imageUrls = new Set();
  for (const element of document.querySelectorAll("img, picture source")) {
    const src = element.getAttribute("src");
    if (src) imageUrls.add(new URL(src, document.baseURI).href);
    for (const candidate of (element.getAttribute("srcset") || "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) imageUrls.add(new URL(url, document.baseURI).href);
    }
  }
  const missingImageFiles = [];
  const probedUrls = probeImageFiles ? [...imageUrls].filter((url) => url.startsWith(location.origin)) : [];
  await withTimeout(Promise.all(probedUrls.map(
    (url) => new Promise((resolve) => {
      const probe = new Image();
      probe.onload = () => {
        if (probe.naturalWidth === 0) missingImageFiles.push(url);
        resolve();
      };
      probe.onerror = () => {
        missingImageFiles.push(url);
        resolve();
      };
      probe.src = url;
    }))), 15000);
  const imagesWithoutAlt = images.filter((img) => !(img.getAttribute("alt") || "").trim())
    .map((img) => img.getAttribute("src"));

  // Raw TeX outside code: code blocks may show TeX on purpose.
  const rawTex = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest(
      "pre, code, script, style, textarea, mjx-container, .highlight, .MathJax_Preview")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent;
    if (rawTexMarkers.some((marker) => text.includes(marker))) rawTex.push(text.trim().slice(0, 120));
  }

  const mathElements = [...document.querySelectorAll("span.math, div.math")];
  const untypesetMath = mathElements.filter((element) => !element.querySelector("mjx-container"))
    .map((element) => element.textContent.trim().slice(0, 120));
  const mathErrors = [...document.querySelectorAll("mjx-merror, [data-mjx-error]")]
    .map((element) => (element.getAttribute("data-mjx-error") || element.textContent).slice(0, 120));

  return {
    brokenImages, missingImageFiles, imagesWithoutAlt, rawTex, untypesetMath, mathErrors,
    mathCount: mathElements.length,
    typesetCount: document.querySelectorAll("mjx-container").length,
    theme: document.body.dataset.theme || "",
  };
}
"""

# Measure whether the page scrolls sideways at the current viewport width,
# after the layout has caught up with a resize, and name what sticks out.
MEASURE_OVERFLOW_JS = r"""
async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const describe = (element) => {
    const classes = typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\s+/).join(".") : "";
    return element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + classes;
  };
  const root = document.documentElement;
  const overflowing = [];
  if (root.scrollWidth > root.clientWidth + 1) {
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.right > root.clientWidth + 1 && box.width > 0) {
        const parent = element.parentElement;
        // Report the outermost element that sticks out, not its children.
        if (!parent || parent.getBoundingClientRect().right <= root.clientWidth + 1) {
          overflowing.push(describe(element) + " (right edge " + Math.round(box.right) + " px)");
        }
      }
      if (overflowing.length >= 5) break;
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing};
}
"""


@dataclass
class PageReport:
    """What one visit of one page recorded."""

    page: str
    external_requests: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    broken_images: list = field(default_factory=list)
    missing_image_files: list = field(default_factory=list)
    images_without_alt: list = field(default_factory=list)
    raw_tex: list = field(default_factory=list)
    untypeset_math: list = field(default_factory=list)
    math_errors: list = field(default_factory=list)
    math_count: int = 0
    typeset_count: int = 0
    scroll_width: int = 0
    client_width: int = 0
    overflowing: list = field(default_factory=list)
    overflow_width: int = 0
    theme: str = ""

    @property
    def scrolls_sideways(self):
        return self.scroll_width > self.client_width + 1


def is_loopback(url):
    """Return True for URLs the checks let through: 127.0.0.1 and in-page data."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == "127.0.0.1"


def launch_chromium(playwright):
    """Launch Debian's Chromium headless with the flags that keep it off the network."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=list(CHROMIUM_ARGS), headless=True
    )


class RecordingContext:
    """A browser context that aborts every request not aimed at 127.0.0.1 and records it."""

    def __init__(self, browser, *, viewport=DESKTOP_VIEWPORT, theme=None, phone=False, route=True, **options):
        if phone:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
        self.context = browser.new_context(viewport=viewport, **options)
        self.external_requests = []
        if route:
            # Routing also switches off the HTTP cache, which the page weight
            # measurement needs, hence the option to leave it off.
            self.context.route(NOT_LOOPBACK_URL, lambda route: route.abort("blockedbyclient"))
        if theme is not None:
            # furo reads the reader's choice from localStorage before it paints.
            self.context.add_init_script(
                f"try {{ localStorage.setItem('theme', '{theme}'); }} catch (error) {{}}"
            )
        self.page = self.context.new_page()
        self._events = None
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self._record("page_errors", str(error)))
        self.page.on("requestfailed", self._on_request_failed)
        self.page.on("response", self._on_response)
        self.page.on("request", self._on_request)

    def _on_request(self, request):
        if not is_loopback(request.url):
            self.external_requests.append(request.url)

    def _record(self, kind, message):
        if self._events is not None:
            self._events[kind].append(message)

    def _on_console(self, message):
        if message.type == "error":
            location = message.location.get("url", "") if message.location else ""
            self._record("console_errors", f"{message.text} ({location})" if location else message.text)

    def _on_request_failed(self, request):
        if is_loopback(request.url):
            self._record("failed_requests", f"{request.url}: {request.failure}")

    def _on_response(self, response):
        if response.status >= 400:
            self._record("failed_requests", f"{response.url}: HTTP {response.status}")

    def visit(self, base_url, page_path, overflow_viewport=None, probe_image_files=True):
        """Load ``page_path`` under ``base_url``, wait for math and images, and return a PageReport.

        The sideways-scroll measurement is taken at ``overflow_viewport``
        when given: the page is resized to it and back, which saves a second
        load of every page for the phone-width check. ``probe_image_files``
        loads every srcset candidate too, which a page weight measurement
        must not do.
        """
        self._events = {"console_errors": [], "page_errors": [], "failed_requests": []}
        external_before = len(self.external_requests)
        self.page.goto(base_url + page_path, wait_until="load")
        data = self.page.evaluate(
            INSPECT_PAGE_JS, {"rawTexMarkers": list(RAW_TEX_MARKERS), "probeImageFiles": probe_image_files}
        )
        if overflow_viewport is None:
            overflow = self.page.evaluate(MEASURE_OVERFLOW_JS)
        else:
            viewport = self.page.viewport_size
            self.page.set_viewport_size(overflow_viewport)
            overflow = self.page.evaluate(MEASURE_OVERFLOW_JS)
            self.page.set_viewport_size(viewport)
        events, self._events = self._events, None
        return PageReport(
            page=page_path,
            external_requests=self.external_requests[external_before:],
            failed_requests=events["failed_requests"],
            console_errors=events["console_errors"],
            page_errors=events["page_errors"],
            broken_images=data["brokenImages"],
            missing_image_files=data["missingImageFiles"],
            images_without_alt=data["imagesWithoutAlt"],
            raw_tex=data["rawTex"],
            untypeset_math=data["untypesetMath"],
            math_errors=data["mathErrors"],
            math_count=data["mathCount"],
            typeset_count=data["typesetCount"],
            scroll_width=overflow["scrollWidth"],
            client_width=overflow["clientWidth"],
            overflowing=overflow["overflowing"],
            overflow_width=(overflow_viewport or self.page.viewport_size)["width"],
            theme=data["theme"],
        )

    def close(self):
        self.context.close()


def _wait_for_quiet_network(page, pending, last_event, page_path, quiet=1.0, deadline=120.0):
    """Wait until no request is in flight and none has started or ended for `quiet` seconds."""
    give_up = time.monotonic() + deadline
    while pending or time.monotonic() - last_event[0] < quiet:
        if time.monotonic() > give_up:
            raise AssertionError(f"{page_path}: requests still in flight after {deadline:.0f} s: {sorted(pending)}")
        # Waiting in Playwright, not time.sleep, lets its event loop deliver the CDP events.
        page.wait_for_timeout(100)


def measure_transfer(browser, base_url, page_path, largest=5):
    """Return the bytes transferred by a first visit, a repeat visit and a reload of a page.

    The first visit starts with an empty cache. The repeat visit navigates to
    the page again, as a reader following a link back does, so Chromium
    takes what it may from its cache. The reload makes it revalidate the page.
    Sizes are the encoded (on-the-wire) lengths that Chromium reports in
    ``Network.loadingFinished``, headers included; a resource taken from the
    cache without asking the server counts 0. Each visit also lists its
    ``largest`` resources by size (all of them when ``largest`` is None).
    """
    recorder = RecordingContext(browser, route=False)
    try:
        cdp = recorder.context.new_cdp_session(recorder.page)
        cdp.send("Network.enable")
        urls = {}
        sizes = {}
        pending = set()
        last_event = [time.monotonic()]

        def on_request(event):
            urls[event["requestId"]] = event["request"]["url"]
            pending.add(event["requestId"])
            last_event[0] = time.monotonic()

        def on_loading_finished(event):
            pending.discard(event["requestId"])
            last_event[0] = time.monotonic()
            url = urls.get(event["requestId"], "")
            # data: URLs are inline in a page or stylesheet, so already counted there.
            if url.startswith("http"):
                sizes[url] = sizes.get(url, 0) + int(event["encodedDataLength"])

        def on_loading_failed(event):
            pending.discard(event["requestId"])
            last_event[0] = time.monotonic()

        cdp.on("Network.requestWillBeSent", on_request)
        cdp.on("Network.loadingFinished", on_loading_finished)
        cdp.on("Network.loadingFailed", on_loading_failed)

        visits = {}
        for visit in ("first_visit", "repeat_visit", "reload"):
            sizes.clear()
            pending.clear()
            if visit == "reload":
                recorder.page.reload(wait_until="load")
            else:
                report = recorder.visit(base_url, page_path, probe_image_files=False)
                if report.external_requests:
                    raise AssertionError(f"{page_path} requested other hosts: {report.external_requests}")
            # Let late requests (fonts, lazy images) finish before counting.
            # Playwright's "networkidle" state twice failed to arrive within
            # 120 s on a busy 2-core machine, so the wait follows the
            # requests this session itself saw start and end.
            _wait_for_quiet_network(recorder.page, pending, last_event, page_path)
            ranked = sorted(sizes.items(), key=lambda item: item[1], reverse=True)
            visits[visit] = {
                "bytes": sum(sizes.values()),
                "requests": len(sizes),
                "largest": {url.removeprefix(base_url): size for url, size in ranked[:largest]},
            }
            if visit == "first_visit":
                recorder.page.goto("about:blank")
        return visits
    finally:
        recorder.close()

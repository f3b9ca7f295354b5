"""Baseline: a static HTML page served by http.server on loopback, the limit any web page can reach.

Use `serve_static_page(paragraphs)` as a context manager giving the page's URL,
or run `python -m bench.baselines.static_page --seconds 60` from the repo
root to look at it.
"""

from __future__ import annotations

import argparse
import functools
import html
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGE_NAME = "index.html"


Block = str | tuple[str, str]
"""A paragraph's text, or (tag, text) for another element, e.g. ("h2", "Ages 5 to 9")."""
TAGS = frozenset({"h2", "h3", "p"})


def _element(block: Block) -> str:
    tag, text = ("p", block) if isinstance(block, str) else block
    if tag not in TAGS:
        raise ValueError(f"tag {tag!r} is not one of {sorted(TAGS)}")
    return f"<{tag}>{html.escape(text)}</{tag}>"


def render_page(title: str, paragraphs: Sequence[Block]) -> str:
    """A minimal, valid HTML page: a heading, then one element per block (<p> for plain text)."""
    body = "\n".join(_element(block) for block in paragraphs)
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><main><h1>{html.escape(title)}</h1>\n{body}\n</main></body></html>\n"
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the benchmark's output to its table."""


@contextmanager
def serve_static_page(paragraphs: Sequence[Block], title: str = "Static page") -> Iterator[str]:
    """Write the page to a temporary folder, serve it on a free 127.0.0.1 port, yield its URL."""
    with tempfile.TemporaryDirectory(prefix="bench-static-") as folder:
        Path(folder, PAGE_NAME).write_text(render_page(title, paragraphs), encoding="utf-8")
        handler = functools.partial(_QuietHandler, directory=folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, name="static-page", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{PAGE_NAME}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)


def main() -> None:
    """Serve a page for a bounded time so a person can open it."""
    from bench.baselines.neutral_text import neutral_paragraphs

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--elements", type=int, default=60, help="paragraphs on the page")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to serve")
    options = parser.parse_args()
    with serve_static_page(neutral_paragraphs(options.elements)) as url:
        print(f"Serving {url} for {options.seconds:.0f}s", flush=True)
        time.sleep(options.seconds)


if __name__ == "__main__":
    main()

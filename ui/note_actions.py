"""The case note as it will be copied, under its buttons: copy it, or save it as a text file or a PDF,
made in the browser.

Why not ``st.download_button``: Streamlit keeps a download in its media store and serves
it at ``/media/<id>`` to any client that has that address, with no cookie, for minutes
after the tab closes, and the address lands in the proxy's access log. A case note must
never be an addressable file. Here the note travels inside this session's own WebSocket
message (the frame's ``srcdoc``), and the browser makes the file itself from a Blob; no
address on any server ever holds it, so no other client can fetch it.

The script is static, the same bytes for every note, so the Content-Security-Policy in
``deploy/nginx.conf`` allows it by its hash (``script_hash()``; a frame built from
``srcdoc`` inherits the page's policy). The note itself is data in a
``<script type="application/json">`` element, which browsers never run, with ``<``,
``>`` and ``&`` written as JSON escapes so typed text cannot end the element.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import streamlit as st

COPY_LABEL = "Copy note"
TEXT_LABEL = "Save as text file"
PDF_LABEL = "Save as PDF"
FRAME_TITLE = "Copy or save the case note"
NOTE_LABEL = "The note, as it will be copied"
# Tall enough for the three buttons in a row and the confirmation under them; the note's lines
# are added by ``frame_height``. The script then fits the frame to what shows (a narrow screen
# wraps more lines; a copy that falls back to a text box needs more room).
FRAME_HEIGHT = 110
_LINE_PX = 24
_CHARS_PER_LINE = 80

NOTE_SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("note-data").textContent);
  var status = document.getElementById("status");
  var fallback = document.getElementById("fallback");
  function fit() {
    var frame = window.frameElement;
    if (!frame) { return; }
    // The frame's own box is sized by Streamlit from FRAME_HEIGHT; grow both to fit what shows.
    var wanted = Math.ceil(document.getElementById("note-actions").getBoundingClientRect().bottom) + 6;
    var box = frame.parentElement;
    frame.style.height = wanted + "px";
    if (box && box.getAttribute("data-testid") === "stElementContainer") { box.style.height = wanted + "px"; }
  }
  function say(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; fit(); }, 30);
  }
  function save(blob, name, done) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
    say(done);
  }
  function showFallback() {
    var area = document.getElementById("fallback-text");
    fallback.hidden = false;
    area.value = data.text;
    fit();
    area.focus();
    area.select();
    say("The browser did not allow copying. The note is selected in the box below: " +
        "press Ctrl+C (Cmd+C on a Mac) to copy it.");
  }
  document.getElementById("copy").addEventListener("click", function () {
    if (!navigator.clipboard || !navigator.clipboard.writeText) { showFallback(); return; }
    navigator.clipboard.writeText(data.text).then(function () {
      say("Copied. Paste it into your recording system.");
    }, showFallback);
  });
  document.getElementById("save-text").addEventListener("click", function () {
    save(new Blob([data.text], {type: "text/plain;charset=utf-8"}), data.stem + ".txt",
         "Saved as a text file: " + data.stem + ".txt in your downloads.");
  });
  var pdfButton = document.getElementById("save-pdf");
  if (data.pdf) {
    pdfButton.hidden = false;
    pdfButton.addEventListener("click", function () {
      var raw = window.atob(data.pdf);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
      save(new Blob([bytes], {type: "application/pdf"}), data.stem + ".pdf",
           "Saved as a PDF: " + data.stem + ".pdf in your downloads.");
    });
  }
  window.addEventListener("resize", fit);
  fit();
})();
"""

_PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<style>
  body { margin: 0; padding: 2px 4px; font-family: "Source Sans Pro", "Source Sans 3", system-ui, sans-serif;
         font-size: 17px; color: #212B32; background: #FFFFFF; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  button { font: inherit; padding: 8px 14px; border-radius: 8px; cursor: pointer;
           border: 1px solid #4C6272; background: #FFFFFF; color: #212B32; min-height: 44px; }
  button.primary { background: #005EB8; border-color: #005EB8; color: #FFFFFF; }
  button:hover { border-color: #005EB8; }
  button:focus-visible { outline: 3px solid #212B32; outline-offset: 2px; }
  button[hidden], div[hidden] { display: none; }
  #status { margin: 8px 0 0; min-height: 1.4em; }
  label { display: block; margin: 8px 0 4px; }
  textarea { font: inherit; font-size: 15px; width: 100%; box-sizing: border-box; }
  #note-text { margin: 4px 0 0; padding: 10px 12px; border: 1px solid #AEB7BD; border-radius: 8px;
               white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; font-size: 16px; line-height: 1.4; }
</style>
</head>
<body>
<main id="note-actions">
<div class="actions">
<button type="button" id="copy" class="primary">__COPY__</button>
<button type="button" id="save-text">__TEXT__</button>
<button type="button" id="save-pdf" hidden>__PDF__</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
<div id="fallback" hidden>
<label for="fallback-text">The note (select all and copy it)</label>
<textarea id="fallback-text" rows="8" readonly></textarea>
</div>
<section aria-label="__NOTE_LABEL__"><pre id="note-text">__NOTE__</pre></section>
</main>
<script type="application/json" id="note-data">__DATA__</script>
<script>__SCRIPT__</script>
</body>
</html>
"""


def script_hash() -> str:
    """The CSP source expression that allows NOTE_SCRIPT, e.g. 'sha256-...='."""
    digest = hashlib.sha256(NOTE_SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _json_for_html(value: object) -> str:
    """JSON that cannot end its <script> element or start a comment or entity inside it."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def note_actions_html(text: str, stem: str, pdf: bytes | None = None) -> str:
    """The frame's document: the buttons, the note shown as text, the note as inert JSON, and the static script."""
    data = {"text": text, "stem": stem, "pdf": base64.b64encode(pdf).decode("ascii") if pdf else ""}
    page = (
        _PAGE.replace("__COPY__", COPY_LABEL)
        .replace("__TEXT__", TEXT_LABEL)
        .replace("__PDF__", PDF_LABEL)
        .replace("__NOTE_LABEL__", NOTE_LABEL)
        .replace("__SCRIPT__", NOTE_SCRIPT)
    )
    # Both typed-text places in one pass, last: nothing typed is ever searched for placeholders.
    typed = {"__DATA__": _json_for_html(data), "__NOTE__": html.escape(text, quote=False)}
    return _TYPED.sub(lambda found: typed[found.group(0)], page)


_TYPED = re.compile("__DATA__|__NOTE__")


def frame_height(text: str) -> int:
    """A first height for the frame, so the page barely moves when the script fits it to the note."""
    lines = sum(1 + len(line) // _CHARS_PER_LINE for line in text.splitlines())
    return FRAME_HEIGHT + 24 + lines * _LINE_PX


def note_actions(text: str, stem: str, pdf: bytes | None = None) -> None:
    """Draw the note as it will be copied, under the copy and save buttons, for a note this session holds."""
    st.iframe(note_actions_html(text, stem, pdf), height=frame_height(text), alt=FRAME_TITLE)

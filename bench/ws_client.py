"""A lightweight Streamlit client: one browser session, spoken over the WebSocket protocol.

It does what the frontend does, without rendering: open `/_stcore/stream`,
ask for a script run with a `BackMsg.rerun_script` (a `ClientState` holding
the query string, the page and every widget value it knows), then read
`ForwardMsg`s (`new_session`, `delta`s, ...) until the run's `script_finished`.

Handshake (Streamlit 1.67, read from web/server/starlette/starlette_websocket.py):
- `Sec-WebSocket-Protocol: streamlit` selects the subprotocol. The browser
  also puts an XSRF token and a previous session id in that header; the
  server checks the token only to read a signed auth cookie, and reconnects
  to the session id if given. A new anonymous session needs neither.
- The `Origin` header must match the `Host` header (same origin) or name an
  allowed origin; it is sent as http://127.0.0.1:PORT, which matches.
  (A foreign origin would make the server look up the machine's external
  address, so it is never sent.)
- Nothing runs on connect: the session's first script run starts when the
  client sends its first `rerun_script`, as the browser does on page load.
  That first request names the page by URL path (`page_name`, "" for the
  default page); later ones name it by `page_script_hash`, taken from the
  `navigation` message of an `st.navigation` app (or from `new_session`).

Setting a widget: every element the server sends for a widget carries an
`id` (for example `$$ID-<hash>-None`, or `...-<key>` for keyed widgets).
`set_value(label, value)` stores a `WidgetState` under that id with the value
field the widget uses (`double_value` for a number input, `string_value`
for text, ...), and every later `rerun()` sends all stored values, as the
browser sends the whole form state with each rerun.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import websocket
from google.protobuf.message import Message
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

# The WidgetState field each widget type's value travels in (from the widgets'
# `value_type` in streamlit/elements/widgets/). Others: build a WidgetState
# yourself and pass it to `set_state`.
VALUE_FIELD_BY_WIDGET = {
    "number_input": "double_value",
    "text_input": "string_value",
    "text_area": "string_value",
    "chat_input": "string_value",
    "selectbox": "string_value",
    "radio": "string_value",
    "color_picker": "string_value",
    "checkbox": "bool_value",
    "button": "trigger_value",
    "download_button": "trigger_value",
}

FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile error",
    ForwardMsg.FINISHED_EARLY_FOR_RERUN: "stopped early for rerun",
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "fragment ok",
}


class SessionError(RuntimeError):
    """The session failed in a way a person would notice; `kind` names how."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind


@dataclass(frozen=True)
class Widget:
    """A widget as the server described it in its last run."""

    id: str
    kind: str
    label: str


@dataclass
class RunResult:
    """What one script run sent back, and how long it took."""

    latency_s: float = 0.0
    first_delta_s: float | None = None
    status: str = ""
    run_id: str = ""
    elements: dict[tuple[int, ...], tuple[str, Message]] = field(default_factory=dict)
    # The st.fragment that drew each element ("" outside any), by delta path.
    fragments: dict[tuple[int, ...], str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    restarts: int = 0
    # How many elements this run sent (a fragment's run sends only its own; `elements` keeps the rest).
    drawn: int = 0

    @property
    def texts(self) -> list[str]:
        """Bodies and labels of the elements, in page order."""
        words = []
        for _, (_, proto) in sorted(self.elements.items()):
            for name in ("body", "label"):
                value = getattr(proto, name, None)
                if isinstance(value, str) and value:
                    words.append(value)
        return words

    @property
    def text(self) -> str:
        """All the page's words, one element a line."""
        return "\n".join(self.texts)

    @property
    def widgets(self) -> list[Widget]:
        """Every element of this run that has an `id`, i.e. every widget."""
        found = []
        for _, (kind, proto) in sorted(self.elements.items()):
            if "id" in proto.DESCRIPTOR.fields_by_name and proto.id:
                found.append(Widget(id=proto.id, kind=kind, label=getattr(proto, "label", "")))
        return found

    def expect_text(self, text: str) -> bool:
        """Note a problem unless `text` is on the page; True when it is."""
        if text in self.text:
            return True
        self.problems.append(f"expected {text!r} on the page")
        return False

    @property
    def ok(self) -> bool:
        """The run finished normally, drew no exception and met every expectation."""
        return self.status in {"ok", "fragment ok"} and not self.exceptions and not self.problems


class StreamlitSession:
    """One browser session against a running server, driven without a browser.

    `page_name` is the page's URL path for a multipage app ("" for the main
    page), `query_string` what follows "?" in the URL.
    """

    def __init__(
        self,
        base_url: str,
        page_name: str = "",
        query_string: str = "",
        timeout_s: float = 30.0,
        timezone: str = "Europe/London",
        locale: str = "en-GB",
        cookie: str = "",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # Sent with the WebSocket handshake, as a browser sends its cookies: behind nginx the
        # replica cookie (tlr_replica) keeps a session on one replica.
        self.cookie = cookie
        self.page_name = page_name
        self.query_string = query_string
        self.timeout_s = timeout_s
        self.timezone = timezone
        self.locale = locale
        self.session_id = ""
        self.page_script_hash = ""
        self.last: RunResult | None = None
        self._states: dict[str, WidgetState] = {}
        # Which st.fragment drew each widget (its delta's fragment_id; "" outside any), and the
        # widgets changed since the last run: a change inside one fragment reruns only that
        # fragment, as the browser asks with ClientState.fragment_id.
        self._fragment_of: dict[str, str] = {}
        self._changed: set[str] = set()
        self._ws: websocket.WebSocket | None = None

    @property
    def stream_url(self) -> str:
        """ws://HOST:PORT/_stcore/stream for this server."""
        return self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"

    def connect(self) -> float:
        """Open the WebSocket as the browser does; returns the seconds it took."""
        started = time.perf_counter()
        try:
            self._ws = websocket.create_connection(
                self.stream_url,
                subprotocols=["streamlit"],
                origin=self.base_url,
                timeout=self.timeout_s,
                **({"cookie": self.cookie} if self.cookie else {}),
            )
        except (OSError, websocket.WebSocketException) as error:
            raise SessionError("connect", str(error)) from error
        if self._ws.getsubprotocol() != "streamlit":
            raise SessionError("connect", f"server chose subprotocol {self._ws.getsubprotocol()!r}")
        return time.perf_counter() - started

    def load(self) -> RunResult:
        """The first script run, as when a person opens the page."""
        return self.rerun()

    def widget(self, label: str) -> Widget:
        """The widget with this label in the last run (or with this id)."""
        if self.last is None:
            raise SessionError("usage", "no run yet: call load() first")
        for candidate in self.last.widgets:
            if label in {candidate.label, candidate.id}:
                return candidate
        known = ", ".join(repr(w.label) for w in self.last.widgets) or "none"
        raise SessionError("widget", f"no widget labelled {label!r}; widgets: {known}")

    def set_value(self, label: str, value: Any) -> Widget:
        """Give a widget a value for the next and later reruns, as typing it would."""
        target = self.widget(label)
        value_field = VALUE_FIELD_BY_WIDGET.get(target.kind)
        if value_field is None:
            raise SessionError("usage", f"no value field known for {target.kind}; use set_state")
        state = WidgetState(id=target.id)
        setattr(state, value_field, value)
        self._states[target.id] = state
        self._changed.add(target.id)
        return target

    def set_state(self, state: WidgetState) -> None:
        """Store any WidgetState (for widgets whose value is a list, JSON...)."""
        self._states[state.id] = state
        self._changed.add(state.id)

    def rerun(self, triggers: Iterable[str] = ()) -> RunResult:
        """Ask for a script run with the stored widget values; wait for its `script_finished`.

        `triggers` are labels of buttons to press for this run only.
        Raises SessionError("timeout" | "disconnect" | "protocol", ...).
        """
        if self._ws is None:
            raise SessionError("usage", "not connected")
        message = BackMsg()
        client_state = message.rerun_script
        client_state.query_string = self.query_string
        client_state.page_script_hash = self.page_script_hash
        client_state.page_name = self.page_name if not self.page_script_hash else ""
        client_state.context_info.timezone = self.timezone
        client_state.context_info.locale = self.locale
        client_state.context_info.url = f"{self.base_url}/{self.page_name}"
        client_state.widget_states.widgets.extend(self._states.values())
        triggered = [self.widget(label).id for label in triggers]
        for widget_id in triggered:
            client_state.widget_states.widgets.append(WidgetState(id=widget_id, trigger_value=True))
        fragments = {self._fragment_of.get(widget_id, "") for widget_id in {*self._changed, *triggered}}
        fragment = fragments.pop() if len(fragments) == 1 else ""
        if fragment and self.last is not None:
            client_state.fragment_id = fragment
        self._changed.clear()

        started = time.perf_counter()
        try:
            self._ws.send_binary(message.SerializeToString())
        except (OSError, websocket.WebSocketException) as error:
            raise SessionError("disconnect", str(error)) from error
        result = self._read_run(started, self.last, client_state.fragment_id)
        self.last = result
        return result

    def _read_run(self, started: float, page: RunResult | None = None, fragment: str = "") -> RunResult:
        """Read until this run's script_finished. A fragment's run redraws only its own
        elements: the rest of the page it ran on (`page`) is kept, and what the fragment
        drew last time is dropped, as the browser drops it when the run ends."""
        kept: dict[tuple[int, ...], tuple[str, Message]] = {}
        kept_fragments: dict[tuple[int, ...], str] = {}
        if fragment and page is not None:
            kept = {path: e for path, e in page.elements.items() if page.fragments.get(path) != fragment}
            kept_fragments = {path: page.fragments.get(path, "") for path in kept}
        assert self._ws is not None
        result = RunResult()
        deadline = started + self.timeout_s
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise SessionError("timeout", f"no script_finished within {self.timeout_s:.0f}s")
            self._ws.settimeout(remaining)
            try:
                frame = self._ws.recv()
            except websocket.WebSocketTimeoutException as error:
                raise SessionError("timeout", f"no script_finished within {self.timeout_s:.0f}s") from error
            except (OSError, websocket.WebSocketException) as error:
                raise SessionError("disconnect", str(error) or type(error).__name__) from error
            if not isinstance(frame, bytes) or not frame:
                continue
            forward = ForwardMsg()
            forward.ParseFromString(frame)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                # The run we asked for starts here; anything before belongs to an older run.
                result = RunResult(
                    run_id=forward.metadata.run.script_run_id,
                    restarts=result.restarts,
                    elements=dict(kept),
                    fragments=dict(kept_fragments),
                )
                self.page_script_hash = forward.new_session.page_script_hash
                if forward.new_session.initialize.session_id:
                    self.session_id = forward.new_session.initialize.session_id
            elif kind == "navigation":
                # st.navigation apps: new_session names the frame script, this names the page shown.
                self.page_script_hash = forward.navigation.page_script_hash
            elif kind == "delta" and result.run_id:
                self._take_delta(forward, result, started, self._fragment_of)
            elif kind == "page_not_found":
                result.problems.append(f"page not found: {forward.page_not_found.page_name!r}")
            elif kind == "script_finished" and result.run_id:
                finished_run = forward.metadata.run.script_run_id
                if finished_run and finished_run != result.run_id:
                    continue
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # The script called st.rerun(): the server starts the next run by itself
                    # (new_session follows), and the browser waits for it, so this client does too.
                    result = RunResult(restarts=result.restarts + 1)
                    continue
                result.status = FINISHED.get(forward.script_finished, str(forward.script_finished))
                result.latency_s = time.perf_counter() - started
                return result

    @staticmethod
    def _take_delta(forward: ForwardMsg, result: RunResult, started: float, fragment_of: dict[str, str]) -> None:
        if result.first_delta_s is None:
            result.first_delta_s = time.perf_counter() - started
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        proto = getattr(element, kind)
        result.drawn += 1
        result.elements[tuple(forward.metadata.delta_path)] = (kind, proto)
        result.fragments[tuple(forward.metadata.delta_path)] = delta.fragment_id
        if "id" in proto.DESCRIPTOR.fields_by_name and proto.id:
            fragment_of[proto.id] = delta.fragment_id
        if kind == "exception":
            result.exceptions.append(f"{proto.type}: {proto.message}")

    def close(self) -> None:
        """Close the WebSocket (the server keeps the session a while for reconnection)."""
        if self._ws is not None:
            with contextlib.suppress(OSError, websocket.WebSocketException):
                self._ws.close(timeout=2)
            self._ws = None

    def __enter__(self) -> StreamlitSession:
        self.connect()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

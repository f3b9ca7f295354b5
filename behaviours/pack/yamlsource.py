"""Safe YAML reading that keeps line numbers and refuses what a content pack never needs.

PyYAML alone silently keeps the last of two duplicate keys, expands aliases and
accepts custom tags. Content editors need each of those reported with its line,
so this module composes the node tree itself and turns it into plain Python data
plus a map from each value's path to the line it starts on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from behaviours.pack.editor_messages import syntax_problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
# No content file comes near these (a band file of the bench's synthetic packs, 1,000 behaviours, holds
# about 18,000 values, and no group has more than 20 fields); a file past them is refused before any more of it is read.
MAX_NODES = 50_000
MAX_KEYS = 200

Path_ = tuple[str | int, ...]

_TIME = re.compile(r"^[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a content pack, said so an editor can fix it."""

    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "" if self.severity == "error" else "warning: "
        field_part = f" {self.field}:" if self.field else ""
        return f"{where}:{field_part} {prefix}{self.message}"


@dataclass
class YamlDoc:
    """A parsed YAML file: its data and the line each value starts on (1-based)."""

    file: str
    data: Any
    # Mistakes found while reading that leave the rest readable (an unquoted time); the value is kept as written.
    problems: list[Problem] = field(default_factory=list)
    lines: dict[Path_, int] = field(default_factory=dict, repr=False, compare=False)

    def line_for(self, path: Path_) -> int | None:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlRejected(Exception):
    """A file that cannot be read as safe, plain YAML; carries the problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _StrictComposer(Composer):
    """A composer that refuses anchors, aliases and explicit tags, and limits depth."""

    fast = False  # True when libyaml's parser feeds the events

    def __init__(self, file: str) -> None:
        super().__init__()
        self._file = file
        self._depth = 0
        self._nodes = 0

    def _reject(self, event: Any, message: str) -> None:
        raise YamlRejected(Problem(self._file, event.start_mark.line + 1, "", message))

    if TYPE_CHECKING:  # given by the parser each loader mixes in (PyYAML's Parser or libyaml's CParser)

        def peek_event(self) -> Any: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self._reject(
                event,
                f"the alias '*{event.anchor}' is not allowed; write the value out in full",
            )
        if getattr(event, "anchor", None) is not None:
            self._reject(
                event,
                f"the anchor '&{event.anchor}' is not allowed; write each value out in full",
            )
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            tag = event.tag
            if tag == "!" and self.fast:
                # libyaml marks a lone '!' differently, so it resolves differently: the pure reader decides.
                raise _UsePureReader
            if tag is not None and not (isinstance(event, ScalarEvent) and tag == "!"):
                self._reject(
                    event,
                    f"the tag '{_as_written(tag)}' is not allowed; write a plain value without '!'",
                )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self._reject(event, f"the file nests more than {MAX_DEPTH} levels deep")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            self._reject(
                event,
                f"the file holds more than {MAX_NODES:,} values, far more than any content file needs; "
                "check for text pasted many times, or split the file",
            )
        if isinstance(parent, MappingNode) and index is None and len(parent.value) >= MAX_KEYS:
            self._reject(
                event,
                f"this group of fields has more than {MAX_KEYS} fields, far more than any part of a pack needs; "
                "check for lines pasted many times",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _as_written(tag: str) -> str:
    """A tag as the editor typed it: PyYAML expands ``!!name`` to ``tag:yaml.org,2002:name``."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _StrictLoader(Reader, Scanner, Parser, _StrictComposer, SafeConstructor, Resolver):
    def __init__(self, stream: str, file: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self, file)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


_CParser: Any
try:  # libyaml's C scanner and parser, when PyYAML was built with it
    from yaml import _yaml

    _CParser = _yaml.CParser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _CParser = None

LIBYAML = _CParser is not None
# Tests set this to False to run every check on the pure-Python reader as well.
use_libyaml = LIBYAML

if _CParser is not None:

    class _FastStrictLoader(_StrictComposer, _CParser, SafeConstructor, Resolver):  # type: ignore[misc]  # CParser is typed Any here
        """libyaml scans and parses (the slow part in Python); the same strict composer builds the nodes."""

        def __init__(self, stream: str, file: str) -> None:
            _CParser.__init__(self, stream)
            _StrictComposer.__init__(self, file)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

        fast = True


class _UsePureReader(Exception):
    """The fast reader met something only the pure-Python reader reads exactly."""


def _convert(loader: Any, node: Node, path: Path_, doc: YamlDoc) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        raise YamlRejected(
            Problem(doc.file, node.start_mark.line + 1, _dotted(path), f"unsupported value type {node.tag}")
        )
    if isinstance(node, ScalarNode):
        if not node.style and _TIME.match(node.value):  # plain: None from PyYAML, '' from libyaml
            # YAML 1.1 reads 16:30 as 990 (minutes) and keeps 09:00 as text: one rule for both, quotes.
            doc.problems.append(
                Problem(
                    doc.file,
                    node.start_mark.line + 1,
                    _dotted(path),
                    f'write "{node.value}" in quotes; without quotes YAML can read a time such as '
                    f"{node.value} as a number of minutes",
                )
            )
            return node.value
        try:
            value = loader.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            # e.g. 2026-02-30, or a 5,000-digit number; say which value, on which line.
            raise YamlRejected(
                Problem(doc.file, node.start_mark.line + 1, _dotted(path), _unreadable_scalar(node))
            ) from None
        if isinstance(value, dt.datetime):
            # A full timestamp is never wanted; dates are. Keep what the editor wrote.
            return str(node.value)
        return value
    if isinstance(node, SequenceNode):
        return [_convert(loader, item, (*path, i), doc) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlRejected(
                    Problem(doc.file, key_node.start_mark.line + 1, _dotted(path), "a key must be a plain word")
                )
            key = str(key_node.value)
            if key == "<<":
                raise YamlRejected(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        _dotted(path),
                        "merge keys ('<<') are not allowed; write each field out in full",
                    )
                )
            if key in result:
                first = doc.lines.get((*path, key))
                raise YamlRejected(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        _dotted((*path, key)),
                        f"duplicate key '{key}' (first given on line {first}); keep only one",
                    )
                )
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
            # Errors about a value point at its key's line, where the editor will look.
            result[key] = _convert(loader, value_node, (*path, key), doc)
        return result
    raise YamlRejected(Problem(doc.file, node.start_mark.line + 1, _dotted(path), "unreadable value"))


def _unreadable_scalar(node: ScalarNode) -> str:
    """What to tell an editor about a plain value that looks like a date or number but is not one."""
    written = node.value if len(node.value) <= 40 else node.value[:40] + "..."
    if node.tag.endswith(":timestamp"):
        return f"'{written}' is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-29"
    return f"'{written}' cannot be read as a number; put it in quotes if it is text"


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


dotted = _dotted


def parse_yaml_text(text: str, file: str) -> YamlDoc:
    """Parse YAML text strictly; raise ``YamlRejected`` with the file and line on any problem.

    With libyaml, a file is first read by its C parser and the strict composer; if that meets any
    problem at all, the file is read again by the pure-Python reader, whose findings and wording are
    the ones the editor sees. So libyaml only ever speeds up a file that both would accept.
    """
    if use_libyaml and _CParser is not None and _libyaml_agrees(text):
        try:
            return _parse(text, file, _FastStrictLoader)
        except (_UsePureReader, YamlRejected, yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
            pass
    return _parse(text, file, _StrictLoader)


def _libyaml_agrees(text: str) -> bool:
    """False for text where libyaml is known to be more lenient than the pure reader: that reader decides."""
    # libyaml accepts some tabs PyYAML refuses (e.g. after a value); control characters are PyYAML's to word.
    # A byte-order mark after the start, or a Unicode line or paragraph separator, is read differently
    # by the two (libyaml can take "\ufeff0" for the number 0): the pure reader decides there too.
    if "\t" in text or text.find("\ufeff", 1) != -1 or any(ch in text for ch in "\u2028\u2029\x85"):
        return False
    # libyaml reads a block scalar header with a comment straight after it ('|#') as an empty text;
    # PyYAML refuses it.
    if _block_header_then_comment(text):
        return False
    if text.isascii():  # the common case, checked as bytes: far quicker than the pattern below
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return not Reader.NON_PRINTABLE.search(text)


# What YAML allows of ASCII: tab, line feed, carriage return and the printable characters.
_PRINTABLE_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])


def _block_header_then_comment(text: str) -> bool:
    """True when a '|' or '>' (with any chomping or indentation marks) is straight followed by '#'."""
    at = text.find("#")
    while at != -1:
        start = at
        while start > 0 and text[start - 1] in "-+0123456789":
            start -= 1
        if start > 0 and text[start - 1] in "|>":
            return True
        at = text.find("#", at + 1)
    return False


def _parse(text: str, file: str, loader_class: Any) -> YamlDoc:
    doc = YamlDoc(file=file, data=None)
    loader: Any = None
    try:
        # Inside the try: the reader refuses control characters as soon as it is built.
        loader = loader_class(text, file)
        node = loader.get_single_node()
        if node is None:
            raise YamlRejected(
                Problem(file, 1, "", "the file is empty; it needs the fields described in behaviours/README.md")
            )
        doc.data = _convert(loader, node, (), doc)
    except YamlRejected:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
        column = mark.column if mark is not None else None
        plain = syntax_problem(text, exc.context, context_line, exc.problem or "", line, column)
        if plain is not None:
            raise YamlRejected(Problem(file, plain[0], "", plain[1])) from None
        what = exc.problem or "the YAML could not be read"
        if exc.context:
            what = f"{exc.context}, {what}"
        raise YamlRejected(
            Problem(file, line, "", f"YAML syntax error: {what}; check indentation, colons and quotes")
        ) from None
    except ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise YamlRejected(
            Problem(
                file,
                line,
                "",
                f"the file holds a control character (#x{exc.character:04X}) that YAML does not allow, "
                "often pasted from a word processor; delete it",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise YamlRejected(Problem(file, None, "", f"YAML could not be read: {exc}")) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise YamlRejected(Problem(file, None, "", f"a value could not be read: {exc}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return doc


def not_a_file(mode: int) -> str | None:
    """Why something with this file mode is not an ordinary file a pack may hold, or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a special file"
    return f"this is {what}, not an ordinary file; a pack holds only ordinary text files"


def _too_big(display_name: str, size: int) -> YamlRejected:
    return YamlRejected(
        Problem(
            display_name,
            None,
            "",
            f"the file is {size:,} bytes; content files must be under 1 MiB (1,048,576 bytes); split it",
        )
    )


def read_yaml_file(path: Path, display_name: str) -> YamlDoc:
    """Read a content file: refuse anything but an ordinary file, files over 1 MiB or not UTF-8, then parse.

    The file is opened without blocking (a named pipe would wait for a writer) and its type and
    size are checked on the open file before a byte is read; no more than the limit is ever read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise YamlRejected(Problem(display_name, None, "", f"the file cannot be read: {exc.strerror}")) from None
    try:
        info = os.fstat(fd)
        refusal = not_a_file(info.st_mode)
        if refusal:
            raise YamlRejected(Problem(display_name, None, "", refusal))
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(display_name, info.st_size)
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise YamlRejected(Problem(display_name, None, "", f"the file cannot be read: {exc.strerror}")) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_FILE_BYTES:  # it grew after it was measured
        raise _too_big(display_name, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlRejected(Problem(display_name, line, "", "the file is not UTF-8 text; save it as UTF-8")) from None
    return parse_yaml_text(text, display_name)

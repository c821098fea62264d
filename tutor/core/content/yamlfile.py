"""Safe YAML reading that remembers the line of every value.

The document is built from the parser's event stream (the C parser when PyYAML
has libyaml) by an iterative builder, not by PyYAML's composer and constructor:

- no recursion, so deep nesting cannot crash the process (libyaml's composer
  segfaults at ~30,000 levels); more than `MAX_DEPTH` levels is refused;
- aliases are expanded by reference and counted: a document that would expand
  to more than `MAX_NODES` values ("billion laughs", also with `<<:` merges) is
  refused with "te veel verwijzingen", at the line of the alias;
- a tag such as `!!python/object/apply` is refused before anything is built, so
  it never runs code;
- a key that occurs twice in one mapping is an error that names both lines;
- every problem has a line and a Dutch reason (a NUL byte, a date like
  2024-02-31, a 5,000-digit number, ...).

Files are read with `tutor.core.content.guard.read_limited`: only regular files of at
most 1 MB, checked before reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tutor.core.content.errors import ContentError, Problem
from tutor.core.content.guard import UnreadableFile, describe_character, read_limited

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
LineMap = dict[Path_, int]

MAX_DEPTH = 100
"""The deepest nesting of lists and mappings a content file may have (lessons need ~6)."""
MAX_NODES = 50_000
"""The most values a file may expand to, aliases and merges included (lessons need ~2,000)."""

_SAFE_TAG_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    _SAFE_TAG_PREFIX + name for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_STR_TAG = _SAFE_TAG_PREFIX + "str"
_MERGE_TAG = _SAFE_TAG_PREFIX + "merge"
_SEQ_TAG = _SAFE_TAG_PREFIX + "seq"
_MAP_TAG = _SAFE_TAG_PREFIX + "map"
_SET_TAG = _SAFE_TAG_PREFIX + "set"
_SAFE_TAGS = _SCALAR_TAGS | {_MERGE_TAG, _SEQ_TAG, _MAP_TAG, _SET_TAG}

# Characters YAML does not allow in a file at all (the complement of its printable
# set), and the line breaks only YAML knows (NEL, U+2028, U+2029): editors do not
# start a new line there, so every line number after one would be off.
_NOT_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def read_yaml(path: Path, shown_as: str) -> tuple[Any, LineMap]:
    """Read one YAML document and the line of every mapping value and list item.

    Args:
        path: The file to read.
        shown_as: How the file is named in problem messages.

    Returns:
        The plain Python data and a map from key path to 1-based line.

    Raises:
        ContentError: The file is not a regular file, is larger than 1 MB,
            cannot be read, is not UTF-8, is not valid YAML, uses a tag that is
            not allowed, nests too deep or expands to too many values.
    """
    try:
        raw = read_limited(path)
    except UnreadableFile as error:
        raise ContentError([Problem(shown_as, 0, f"het bestand {error.reason}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(shown_as, line, "het bestand is geen geldige UTF-8-tekst")]
        ) from None
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[Any, LineMap]:
    """Parse YAML text; see `read_yaml`."""
    bad = _first_not_printable(text)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ContentError(
            [Problem(shown_as, line, f"ongeldig teken {_codepoint(text[bad])} in het bestand")]
        )
    loader = SafeLoader(text)
    try:
        return _Builder(loader, shown_as).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError([Problem(shown_as, line, _nesting_or_invalid(error))]) from None
    except yaml.YAMLError:
        raise ContentError([Problem(shown_as, 1, "ongeldige YAML")]) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()


def _first_not_printable(text: str) -> int | None:
    found = _NOT_PRINTABLE.search(text)
    return found.start() if found else None


def _codepoint(char: str) -> str:
    return describe_character(char)


def _nesting_or_invalid(error: yaml.MarkedYAMLError) -> str:
    """The Dutch reason for a parse error; newer libyaml stops deep flow nesting itself."""
    if "maximum nesting depth" in (error.problem or ""):
        return f"de YAML is te diep genest (hoogstens {MAX_DEPTH} niveaus)"
    return f"ongeldige YAML: {_describe(error)}"


def _describe(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "onbekende fout"
    translations = {
        "mapping values are not allowed here": "hier mag geen ':' met een waarde staan",
        "could not find expected ':'": "verwachtte een ':' na de sleutel",
        "found character '\\t' that cannot start any token": "tab gevonden; gebruik spaties",
        "found unexpected end of stream": "het bestand houdt onverwacht op",
        "found undefined alias": "onbekende verwijzing (alias)",
        "did not find expected key": "verwachtte hier een sleutel (let op de inspringing)",
        "did not find expected '-' indicator": "verwachtte hier een '-' (let op de inspringing)",
        "found duplicate anchor": "dubbel anker",
        "expected <block end>, but found '-'": "een '-' staat op de verkeerde inspringing",
        "did not find expected ',' or ']'": "verwachtte ',' of ']': staat er een '[' open?",
        "did not find expected ',' or '}'": "verwachtte ',' of '}': staat er een '{' open?",
        "found unknown escape character": "onbekend escape-teken na een '\\' in een tekst",
        "found unexpected ':'": "onverwachte ':' (zet de tekst tussen aanhalingstekens)",
        "expected alphabetic or numeric character": "ongeldig teken in een anker of alias",
        "found character that cannot start any token": "dit teken mag hier niet staan",
        "expected a comment or a line break": "verwachtte hier het einde van de regel",
        "expected ',' or ']'": "verwachtte ',' of ']'",
        "expected ',' or '}'": "verwachtte ',' of '}'",
        "unacceptable character": "ongeldig teken in het bestand",
        "found a tab character": "tab gevonden; gebruik spaties",
        "could not find expected": "een teken ontbreekt",
        "found unexpected document": "het bestand mag maar één YAML-document bevatten",
        "expected a single document": "het bestand mag maar één YAML-document bevatten",
        # The rest of libyaml's scanner and parser, and PyYAML's pure-Python ones.
        "mapping values are not allowed in this context": "hier mag geen ':' met een waarde staan",
        "mapping keys are not allowed": "hier mag geen sleutel staan (let op de inspringing)",
        "block sequence entries are not allowed": "hier mag geen '-' staan (let op de inspringing)",
        "sequence entries are not allowed": "hier mag geen '-' staan (let op de inspringing)",
        "alias value must": "ongeldige naam na '*' (alias)",
        "anchor value must": "ongeldige naam na '&' (anker)",
        "did not find expected alphabetic or numeric": "ongeldig teken in een anker of alias",
        "did not find expected comment or line break": "verwachtte hier het einde van de regel",
        "did not find expected node content": "hier ontbreekt een waarde",
        "expected the node content": "hier ontbreekt een waarde",
        "did not find expected <document start>": "verwachtte '---' (het begin van een document)",
        "expected '<document start>'": "verwachtte '---' (het begin van een document)",
        "did not find expected hexdecimal number": (
            "ongeldige \\x-, \\u- of \\U-code in een tekst tussen aanhalingstekens"
        ),
        "expected escape sequence of": (
            "ongeldige \\x-, \\u- of \\U-code in een tekst tussen aanhalingstekens"
        ),
        "found invalid Unicode character escape code": "ongeldige \\u- of \\U-code in een tekst",
        "unexpected low surrogate area": "ongeldige \\u-code in een tekst",
        "incomplete UTF-16": "ongeldige \\u-code in een tekst",
        "did not find expected whitespace": "verwachtte hier een spatie of het einde van de regel",
        "expected ' ', but found": "verwachtte hier een spatie",
        "found an indentation indicator equal to 0": "de inspringing van een blok mag geen 0 zijn",
        "expected indentation indicator": "de inspringing van een blok moet 1 tot en met 9 zijn",
        "expected chomping or indentation indicators": "ongeldig teken na '|' of '>'",
        "found unexpected document indicator": "'---' of '...' mag hier niet staan",
        "found undefined tag handle": "onbekende tag",
        "did not find expected tag URI": "ongeldige tag",
        "did not find expected '!'": "ongeldige tag",
        "did not find the expected '>'": "ongeldige tag: de '>' ontbreekt",
        "did not find URI escaped octet": "ongeldige tag",
        "tag handle must": "ongeldige tag",
        "tag prefix must": "ongeldige tag",
        "tag value must": "ongeldige tag",
        "expected '!'": "ongeldige tag",
        "expected '>'": "ongeldige tag: de '>' ontbreekt",
        "expected URI": "ongeldige tag",
        "found duplicate %": "een regel met %YAML of %TAG staat er twee keer",
        "duplicate %": "een regel met %YAML of %TAG staat er twee keer",
        "found incompatible YAML document": "deze YAML-versie wordt niet ondersteund",
        "incompatible %YAML": "deze YAML-versie wordt niet ondersteund",
        "found extremely long version number": "ongeldig versienummer na %YAML",
        "did not find expected digit": "ongeldig versienummer na %YAML",
        "did not find expected version number": "ongeldig versienummer na %YAML",
        "expected a digit": "ongeldig versienummer na %YAML",
        "could not find expected directive name": "ongeldige regel met '%'",
        "expected alphabetic or numeric": "ongeldige regel met '%'",
        "found unknown directive name": "onbekende regel met '%'",
        "found unexpected non-alphabetical character": "ongeldige regel met '%'",
        "found an incorrect": "het bestand is geen geldige UTF-8-tekst",
        "invalid leading UTF-8": "het bestand is geen geldige UTF-8-tekst",
        "invalid trailing UTF-8": "het bestand is geen geldige UTF-8-tekst",
        "invalid length of a UTF-8": "het bestand is geen geldige UTF-8-tekst",
        "incomplete UTF-8": "het bestand is geen geldige UTF-8-tekst",
        "invalid Unicode character": "ongeldig teken in het bestand",
        "control characters are not allowed": "ongeldig teken in het bestand",
        "input is too long": "het bestand is te groot",
        "expected <block end>": "de inspringing klopt hier niet",
        "expected <document end>": "de inspringing klopt hier niet",
        "expected SCALAR": "hier ontbreekt een waarde",
        "expected DOCUMENT": "verwachtte '---' (het begin van een document)",
        "did not find": "een teken ontbreekt",
        "expected": "een teken ontbreekt",
        "found": "dit teken mag hier niet staan",
    }
    for english, dutch in translations.items():
        if problem.startswith(english):
            return dutch
    return "de YAML klopt hier niet"


def _problem_at(shown_as: str, mark: Any, message: str) -> ContentError:
    return ContentError([Problem(shown_as, mark.line + 1, message)])


def _tag_name(tag: str) -> str:
    return tag.replace(_SAFE_TAG_PREFIX, "!!")


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(slots=True)
class _Built:
    """A finished value and the slice `log[start:end]` its subtree wrote at `path`."""

    value: Any
    start: int
    end: int
    path: Path_
    scalar: str | None = None
    """A scalar's text as written (a key's name in paths); None for collections."""


@dataclass(slots=True)
class _Frame:
    """An open sequence or mapping."""

    kind: str  # "seq", "map" or "set"
    value: Any
    path: Path_
    start: int
    anchor: str | None
    # Mappings only: the key waiting for its value (key, name, line, is_merge),
    # the line of every key so far, and the `<<` merge sources with their lines.
    key: tuple[Any, str, int, bool] | None = None
    seen: dict[Any, int] = field(default_factory=dict)
    merges: list[tuple[int, _Built]] = field(default_factory=list)


class _Builder:
    """Build one document from parser events, without recursion; see the module docstring.

    Every value notes (path, line) in `log`: a mapping value the line of its key,
    a list item its own line. A value's subtree is one slice of the log, so an
    alias copies its anchor's slice under the new path: the log grows exactly as
    the expanded document does, and `MAX_NODES` bounds it.
    """

    def __init__(self, loader: Any, shown_as: str) -> None:
        self.loader = loader
        self.shown_as = shown_as
        self.log: list[tuple[Path_, int]] = []
        self.cost = 0
        """Values built, copied or merged so far."""
        self.anchors: dict[str, _Built | None] = {}
        """Finished anchors; None while the anchored collection is still open."""
        self.anchor_lines: dict[str, int] = {}
        self.stack: list[_Frame] = []
        self.problems: list[Problem] = []
        self.result: Any = None
        resolvers = loader.yaml_implicit_resolvers
        # A plain scalar is text unless an implicit resolver (int, bool, null, ...)
        # starts with its first character; with wildcard resolvers, always ask.
        self.first_chars: dict[Any, Any] | _Everything = (
            _Everything() if None in resolvers or loader.yaml_path_resolvers else resolvers
        )

    # --- the document ---

    def document(self) -> tuple[Any, LineMap]:
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            raise ContentError([Problem(self.shown_as, 1, "het bestand is leeg")])
        loader.get_event()  # DocumentStart
        get_event, scalar, end = loader.get_event, self._scalar, self._end
        ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                scalar(event)
            elif kind in ends:
                end()
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentEndEvent:
                break
            else:  # SequenceStartEvent or MappingStartEvent
                self._start(event)
        if not loader.check_event(yaml.StreamEndEvent):
            raise _problem_at(
                self.shown_as,
                loader.peek_event().start_mark,
                "het bestand mag maar één YAML-document bevatten",
            )
        if self.problems:
            raise ContentError(sorted(set(self.problems)))
        lines: LineMap = {}
        for path, line in self.log:
            lines.setdefault(path, line)
        return self.result, lines

    # --- bookkeeping ---

    def _at_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].kind != "seq" and self.stack[-1].key is None

    def _begin(self, mark: Any) -> tuple[Path_, int]:
        """Note the line of the value that starts here; return its path and log start."""
        start = len(self.log)
        if not self.stack:
            path: Path_ = ()
            line = mark.line + 1
        else:
            top = self.stack[-1]
            if top.kind == "seq":
                path, line = top.path + (len(top.value),), mark.line + 1
            else:
                assert top.key is not None
                path, line = top.path + (top.key[1],), top.key[2]
        self.log.append((path, line))
        self._spend(1, None, mark)
        return path, start

    def _spend(self, count: int, alias_mark: Any, mark: Any) -> None:
        """Count built values; refuse the file once it expands beyond `MAX_NODES`."""
        self.cost += count
        if self.cost <= MAX_NODES:
            return
        limit = f"{MAX_NODES:,}".replace(",", ".")
        if alias_mark is not None:
            raise _problem_at(
                self.shown_as,
                alias_mark,
                "te veel verwijzingen: de aliassen (*) en '<<'-samenvoegingen in dit bestand "
                f"leveren meer dan {limit} waarden op",
            )
        message = f"het bestand bevat te veel waarden (meer dan {limit})"
        raise _problem_at(self.shown_as, mark, message)

    def _add(self, built: _Built) -> None:
        """Put a finished value into its parent, or make it the document."""
        if not self.stack:
            self.result = built.value
            return
        top = self.stack[-1]
        if top.kind == "seq":
            top.value.append(built.value)
            return
        assert top.key is not None
        key, _name, line, is_merge = top.key
        top.key = None
        if is_merge:
            top.merges.append((line, built))
        else:
            top.value[key] = built.value

    # --- events ---

    def _scalar(self, event: Any) -> None:
        # The hot path (nearly every event): kept flat, without helper calls for plain text.
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            if not event.implicit[0] or (value and value[0] not in self.first_chars):
                tag = _STR_TAG  # quoted, or no implicit resolver starts with this character
            else:
                tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        if tag != _STR_TAG:
            self._check_tag(tag, "scalar", event.start_mark)
        anchor = event.anchor
        if anchor is not None:
            self._check_new_anchor(anchor, event.start_mark)
        stack = self.stack
        top = stack[-1] if stack else None
        if top is not None and top.key is None and top.kind != "seq":
            key = event.value if tag == _STR_TAG else self._scalar_value(tag, event)
            self._key(key, event.value, tag == _MERGE_TAG, event.start_mark)
            if anchor is not None:
                self.anchors[anchor] = _Built(key, 0, 0, (), event.value)
            return
        if tag == _MERGE_TAG:
            raise _problem_at(self.shown_as, event.start_mark, "'<<' mag alleen als sleutel staan")
        value = event.value if tag == _STR_TAG else self._scalar_value(tag, event)
        log = self.log
        start = len(log)
        if top is None:
            path: Path_ = ()
            log.append((path, event.start_mark.line + 1))
        elif top.kind == "seq":
            path = top.path + (len(top.value),)
            log.append((path, event.start_mark.line + 1))
        else:
            pending = top.key
            assert pending is not None
            path = top.path + (pending[1],)
            log.append((path, pending[2]))
        self.cost += 1
        if self.cost > MAX_NODES:
            self._spend(0, None, event.start_mark)
        if anchor is not None or (top is not None and top.key is not None and top.key[3]):
            built = _Built(value, start, start + 1, path, event.value)
            if anchor is not None:
                self.anchors[anchor] = built
            self._add(built)
        elif top is None:
            self.result = value
        elif top.kind == "seq":
            top.value.append(value)
        else:
            pending = top.key
            assert pending is not None
            top.key = None
            top.value[pending[0]] = value

    def _scalar_value(self, tag: str, event: Any) -> Any:
        if tag == _STR_TAG:
            return event.value
        if tag == _MERGE_TAG:
            return "<<"
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except Exception:  # any failure of a safe scalar constructor: a date, a huge int, ...
            line = event.start_mark.line + 1
            self.problems.append(Problem(self.shown_as, line, _bad_scalar(tag, event.value)))
            return None

    def _alias(self, event: Any) -> None:
        mark = event.start_mark
        if event.anchor not in self.anchors:
            raise _problem_at(
                self.shown_as, mark, f"onbekende verwijzing (alias) '*{_short(event.anchor)}'"
            )
        found = self.anchors[event.anchor]
        if found is None:
            raise _problem_at(
                self.shown_as,
                mark,
                f"de verwijzing '*{_short(event.anchor)}' verwijst naar zichzelf",
            )
        if self._at_key():
            if found.scalar is None:
                raise _problem_at(self.shown_as, mark, "een sleutel moet tekst zijn")
            self._key(found.value, found.scalar, False, mark)
            return
        path, start = self._begin(mark)
        copied = self.log[found.start : found.end]
        self._spend(len(copied), mark, mark)
        cut = len(found.path)
        self.log.extend((path + old[cut:], line) for old, line in copied)
        self._add(_Built(found.value, start, len(self.log), path, found.scalar))

    def _start(self, event: Any) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        mark = event.start_mark
        if self._at_key():
            raise _problem_at(self.shown_as, mark, "een sleutel moet tekst zijn")
        if len(self.stack) >= MAX_DEPTH:
            raise _problem_at(
                self.shown_as, mark, f"de YAML is te diep genest (hoogstens {MAX_DEPTH} niveaus)"
            )
        tag = event.tag
        if tag is None or tag == "!":
            tag = _MAP_TAG if is_map else _SEQ_TAG
        self._check_tag(tag, "map" if is_map else "seq", mark)
        self._check_new_anchor(event.anchor, mark)
        path, start = self._begin(mark)
        kind = ("set" if tag == _SET_TAG else "map") if is_map else "seq"
        self.stack.append(_Frame(kind, {} if is_map else [], path, start, event.anchor))
        if event.anchor is not None:
            self.anchors[event.anchor] = None

    def _end(self) -> None:
        frame = self.stack.pop()
        value = self._merge(frame) if frame.merges else frame.value
        if frame.kind == "set":
            value = set(value)
        built = _Built(value, frame.start, len(self.log), frame.path)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = built
        self._add(built)

    # --- keys, anchors, tags, merges ---

    def _key(self, key: Any, name: str, is_merge: bool, mark: Any) -> None:
        top = self.stack[-1]
        line = mark.line + 1
        is_merge = is_merge and top.kind == "map"
        if not is_merge:
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise _problem_at(self.shown_as, mark, "een sleutel moet tekst zijn")
            first = top.seen.get(key)
            if first is not None:
                self.problems.append(
                    Problem(
                        self.shown_as,
                        line,
                        f"dubbele sleutel '{_short(name)}' (staat ook op regel {first}); "
                        "de tweede zou de eerste zonder melding vervangen",
                    )
                )
            else:
                top.seen[key] = line
        top.key = (key, name, line, is_merge)

    def _check_new_anchor(self, anchor: str | None, mark: Any) -> None:
        if anchor is None:
            return
        if anchor in self.anchor_lines:
            raise _problem_at(
                self.shown_as,
                mark,
                f"dubbel anker '&{_short(anchor)}' (staat ook op regel "
                f"{self.anchor_lines[anchor]})",
            )
        self.anchor_lines[anchor] = mark.line + 1

    def _check_tag(self, tag: str, kind: str, mark: Any) -> None:
        if tag not in _SAFE_TAGS:
            raise _problem_at(
                self.shown_as, mark, f"tag '{_short(_tag_name(tag), 60)}' is niet toegestaan"
            )
        if tag not in _TAGS_FOR[kind]:
            raise _problem_at(
                self.shown_as, mark, f"tag '{_tag_name(tag)}' past niet bij {_KIND_NAMES[kind]}"
            )

    def _merge(self, frame: _Frame) -> dict[Any, Any]:
        """Apply the `<<` merges of a mapping as PyYAML does.

        Keys written in the mapping win; of the merged mappings the first one
        wins (in `<<: [*a, *b]` a key of `a` beats the same key of `b`). The
        lines of the merged values are copied along.
        """
        sources: list[tuple[dict[Any, Any], list[tuple[Path_, int]], int]] = []
        for line, built in frame.merges:
            entries = self.log[built.start : built.end]
            self._spend(len(entries), _Line(line), _Line(line))
            cut = len(built.path)
            value = built.value
            if isinstance(value, dict):
                sources.append((value, entries, cut))
            elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
                per_item: list[list[tuple[Path_, int]]] = [[] for _ in value]
                for path, item_line in entries:
                    index = path[cut] if len(path) > cut else None
                    if isinstance(index, int):
                        per_item[index].append((path, item_line))
                sources += [(item, per_item[i], cut + 1) for i, item in enumerate(value)][::-1]
            else:
                raise ContentError(
                    [
                        Problem(
                            self.shown_as,
                            line,
                            "'<<' verwacht een mapping of een lijst van mappings",
                        )
                    ]
                )
        merged: dict[Any, Any] = {}
        winner: dict[str, int] = {}
        for index, (value, _entries, _cut) in enumerate(sources):
            merged.update(value)
            winner.update((str(key), index) for key in value)
        written = {str(key) for key in frame.value}
        for index, (_value, entries, cut) in enumerate(sources):
            for path, line in entries:
                if len(path) > cut:
                    name = str(path[cut])
                    if winner.get(name) == index and name not in written:
                        self.log.append((frame.path + path[cut:], line))
        merged.update(frame.value)
        return merged


_TAGS_FOR = {
    "scalar": _SCALAR_TAGS | {_MERGE_TAG},
    "seq": {_SEQ_TAG},
    "map": {_MAP_TAG, _SET_TAG},
}
_KIND_NAMES = {"scalar": "een enkele waarde", "seq": "een lijst", "map": "een mapping"}


class _Everything:
    """A container that holds everything (see `_Builder.first_chars`)."""

    def __contains__(self, item: object) -> bool:
        return True


@dataclass
class _Line:
    """Stands in for a PyYAML mark where only the (1-based) line is known."""

    number: int

    @property
    def line(self) -> int:
        return self.number - 1


def _bad_scalar(tag: str, value: str) -> str:
    """Say in Dutch why a scalar cannot be read (the constructor's reason is English)."""
    shown = _short(value)
    kind = tag.replace(_SAFE_TAG_PREFIX, "")
    if kind == "timestamp":
        return (
            f"ongeldige datum '{shown}' (bestaat die dag wel?); "
            "bedoel je tekst, zet die dan tussen aanhalingstekens"
        )
    if kind == "int":
        digits = sum(char.isdigit() for char in value)
        if digits > 4000:
            return f"het getal is te lang ({digits:,} cijfers)".replace(",", ".")
        return f"ongeldig geheel getal '{shown}'"
    if kind == "float":
        return f"ongeldig getal '{shown}'"
    if kind == "bool":
        return f"ongeldige waarde '{shown}' voor true of false"
    return f"ongeldige waarde '{shown}'"


def line_of(lines: LineMap, loc: tuple[str | int, ...]) -> int:
    """Return the line for a key path, skipping path parts the file does not have.

    Pydantic error locations can contain parts that are not in the file (the
    tag of a discriminated union, for instance); those are skipped.
    """
    found: Path_ = ()
    best = lines.get((), 1)
    for part in loc:
        candidate = found + (part,)
        if candidate in lines:
            found = candidate
            best = lines[candidate]
    return best

"""Safe YAML reading that remembers the line of every value.

Only the safe loaders are used (the C one when PyYAML has it). A tag such as
`!!python/object/apply` is refused before anything is constructed, so it never
runs code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tutor.core.content.errors import ContentError, Problem

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
LineMap = dict[Path_, int]

_SAFE_TAG_PREFIX = "tag:yaml.org,2002:"
_SAFE_TAGS = {
    _SAFE_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "set")
}


def read_yaml(path: Path, shown_as: str) -> tuple[Any, LineMap]:
    """Read one YAML document and the line of every mapping value and list item.

    Args:
        path: The file to read.
        shown_as: How the file is named in problem messages.

    Returns:
        The plain Python data and a map from key path to 1-based line.

    Raises:
        ContentError: The file cannot be read, is not UTF-8, is not valid YAML,
            or uses a tag that is not allowed.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ContentError(
            [Problem(shown_as, 0, f"kan het bestand niet lezen ({error.strerror})")]
        ) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(shown_as, line, "het bestand is geen geldige UTF-8-tekst")]
        ) from None
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[Any, LineMap]:
    """Parse YAML text; see `read_yaml`."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(shown_as, 1, "het bestand is leeg")])
        lines: LineMap = {}
        try:
            data = _build(node, (), lines, shown_as, loader)
        except _NeedsFullConstructor:
            _check_tags(node, shown_as)
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise ContentError(
            [Problem(shown_as, line, f"ongeldige YAML: {_describe(error)}")]
        ) from None
    except yaml.YAMLError:
        raise ContentError([Problem(shown_as, 0, "ongeldige YAML")]) from None
    except RecursionError:
        problem = Problem(shown_as, 0, "de YAML is te diep genest")
        raise ContentError([problem]) from None
    except (ValueError, TypeError, OverflowError) as error:
        # The safe constructor can still fail on odd scalars (e.g. a date like 2024-02-31).
        raise ContentError(
            [Problem(shown_as, 0, f"ongeldige waarde in de YAML ({error})")]
        ) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    return data, lines


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
    }
    for english, dutch in translations.items():
        if problem.startswith(english):
            return dutch
    return f"de YAML klopt hier niet ({problem})"


class _NeedsFullConstructor(Exception):
    """The document uses a feature (merge keys) that `_build` leaves to PyYAML."""


_STR_TAG = _SAFE_TAG_PREFIX + "str"
_MERGE_TAG = _SAFE_TAG_PREFIX + "merge"


def _build(node: yaml.Node, path: Path_, lines: LineMap, shown_as: str, loader: Any) -> Any:
    """Build the plain data of `node`, refusing unsafe tags and recording lines.

    Does in one walk what `construct_document` plus a line walk would do; plain
    strings (nearly every scalar) are taken as they are, other scalars go through
    the safe constructor.
    """
    _refuse_unsafe(node, shown_as)
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, path + (index,), lines, shown_as, loader)
            for index, item in enumerate(node.value)
        ]
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            raise _NeedsFullConstructor
        key = _build(key_node, path + ("<key>",), {}, shown_as, loader)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise ContentError(
                [Problem(shown_as, key_node.start_mark.line + 1, "een sleutel moet tekst zijn")]
            )
        name = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.tag)
        result[key] = _build(value_node, path + (name,), lines, shown_as, loader)
        lines[path + (name,)] = key_node.start_mark.line + 1
    return result


def _refuse_unsafe(node: yaml.Node, shown_as: str) -> None:
    """Refuse any tag but the plain YAML ones: `!!python/...` never constructs anything."""
    if node.tag not in _SAFE_TAGS:
        raise ContentError(
            [
                Problem(
                    shown_as,
                    node.start_mark.line + 1,
                    f"tag '{node.tag.replace(_SAFE_TAG_PREFIX, '!!')}' is niet toegestaan",
                )
            ]
        )


def _check_tags(node: yaml.Node, shown_as: str) -> None:
    """Refuse unsafe tags anywhere below `node` (used before the full constructor runs)."""
    _refuse_unsafe(node, shown_as)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _check_tags(key_node, shown_as)
            _check_tags(value_node, shown_as)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_tags(item, shown_as)


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

"""The prebuilt parks, kept as data files and read through aipark's converter.

Data files name each source once, in ``sources``, and cite it elsewhere by
its ``id``; :func:`resolve_source_ids` expands those references before the
data reaches :func:`aipark.from_dict`, so the converter users have is the one
that builds the prebuilt park.
"""

from __future__ import annotations

import json
import threading
from importlib.resources import files
from typing import Any

from ..errors import FieldError, ValidationError, at_most
from ..models import Park

__all__ = ["PARKS", "get_park", "resolve_source_ids"]

#: Prebuilt parks by short name, each a JSON file in this package.
PARKS = {"qingdao": "qingdao.json"}

_lock = threading.Lock()
_cache: dict[str, Park] = {}


def get_park(key: str) -> Park:
    """The prebuilt park ``key`` (e.g. ``"qingdao"``), loaded once on first use."""
    park = _cache.get(key)
    if park is not None:
        return park
    if key not in PARKS:
        raise ValidationError(f"unknown park {key!r}; known: {', '.join(sorted(PARKS))}")
    with _lock:
        if key not in _cache:
            from ..serialization import from_dict

            text = files(__name__).joinpath(PARKS[key]).read_text(encoding="utf-8")
            _cache[key] = from_dict(resolve_source_ids(json.loads(text)), Park)
        return _cache[key]


def resolve_source_ids(data: Any) -> Any:
    """Replace ``"source": "<id>"`` in citations with the source of that id.

    ``data`` is a park as a dict whose ``sources`` carry ``id``\\ s.  Unknown ids
    raise :class:`~aipark.ValidationError` with the citation's path.
    """
    if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
        return data
    by_id = {
        s["id"]: s
        for s in data.get("sources", [])
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    errors: list[FieldError] = []

    def walk(node: Any, path: str) -> Any:
        if isinstance(node, list):
            return [walk(item, f"{path}[{i}]") for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "citations" and isinstance(value, list):
                out[key] = [_expand(c, f"{here}[{i}]") for i, c in enumerate(value)]
            elif key != "sources":
                out[key] = walk(value, here)
            else:
                out[key] = value
        return out

    def _expand(citation: Any, path: str) -> Any:
        if isinstance(citation, dict) and isinstance(citation.get("source"), str):
            ref = citation["source"]
            if ref not in by_id:
                errors.append(FieldError(f"{path}.source", f"no source has id {ref!r}"))
                return citation
            return {**citation, "source": by_id[ref]}
        return citation

    resolved = walk(data, "")
    if errors:
        raise ValidationError(at_most(errors))
    return resolved

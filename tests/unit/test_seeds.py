"""The articles are the evidence: nobody may edit them."""

from __future__ import annotations

import hashlib

from conftest import PROJECT, TESTS


def test_seeds_match_the_manifest_byte_for_byte() -> None:
    manifest = {}
    for line in (TESTS / "seeds.sha256").read_text().splitlines():
        digest, name = line.split()
        manifest[name] = digest
    seeds = sorted(p.name for p in (PROJECT / "seeds").glob("*.txt"))
    assert seeds == sorted(manifest), "seeds/ must hold exactly the five articles"
    assert len(seeds) == 5
    for name, digest in manifest.items():
        actual = hashlib.sha256((PROJECT / "seeds" / name).read_bytes()).hexdigest()
        assert actual == digest, f"seeds/{name} has been changed"

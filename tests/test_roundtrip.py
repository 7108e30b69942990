"""Writing a map and reading it back gives the same map, in YAML and JSON."""

from __future__ import annotations

import json

import yaml
from hypothesis import given, settings

import argmap
from argmap import ArgumentMap
from tests.strategies import maps


@settings(max_examples=300)
@given(maps())
def test_yaml_round_trip(m: ArgumentMap) -> None:
    assert argmap.loads(argmap.dumps(m)) == m


@settings(max_examples=300)
@given(maps())
def test_json_round_trip(m: ArgumentMap) -> None:
    assert argmap.loads(argmap.dumps(m, "json"), "json") == m


@given(maps())
def test_round_trip_keeps_file_order(m: ArgumentMap) -> None:
    back = argmap.loads(argmap.dumps(m))
    for name in ("claims", "inferences", "attacks"):
        assert list(getattr(back, name)) == list(getattr(m, name))


@given(maps())
def test_dumped_yaml_is_plain_data_any_yaml_reader_accepts(m: ArgumentMap) -> None:
    # The output is ordinary YAML: a standard safe loader reads the same
    # structure as the JSON form (no tags, no anchors, no Python objects).
    assert yaml.safe_load(argmap.dumps(m)) == json.loads(argmap.dumps(m, "json"))


def test_yaml_is_readable_block_style_with_unicode_as_is() -> None:
    b = argmap.MapBuilder("東京のNATO連絡事務所", lang="ja")
    b.evidence(
        "E1",
        "日本は東京にNATOの連絡事務所を開設する方向で動いている",
        source=argmap.Source(speaker="冨田浩司駐アメリカ大使", date="2023.05.09"),
        note="一行目\n二行目",
    )
    text = argmap.dumps(b.build())
    assert "\\u" not in text
    assert "日本は東京にNATOの連絡事務所を開設する方向で動いている" in text
    assert "{" not in text  # block style, no flow mappings
    assert "note: |-\n      一行目\n      二行目\n" in text
    assert "date: '2023-05-09'" in text
    # keys in the documented order
    keys = [line.split(":")[0] for line in text.splitlines() if not line.startswith(" ")]
    assert keys == ["argmap", "title", "lang", "claims"]
    claim_keys = [
        line.strip().split(":")[0]
        for line in text.splitlines()
        if line.startswith("    ") and not line.startswith("     ")
    ]
    assert claim_keys == ["kind", "text", "source", "note"]


def test_json_is_indented_and_unicode_as_is() -> None:
    m = argmap.loads("argmap: 1\ntitle: 日本\nclaims: {}\n")
    text = argmap.dumps(m, "json")
    assert '"title": "日本"' in text
    assert text.startswith('{\n  "argmap": 1,')


def test_dump_and_load_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = argmap.loads("argmap: 1\ntitle: t\nclaims:\n  P1: {kind: premise, text: a}\n")
    for name in ("m.argmap.yaml", "m.argmap.json"):
        argmap.dump(m, tmp_path / name)
        assert argmap.load(tmp_path / name) == m
    assert (tmp_path / "m.argmap.json").read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json", "m.argmap.yaml"]


def test_dump_gives_ordinary_file_permissions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    m = argmap.loads("argmap: 1\ntitle: t\nclaims: {}\n")
    old = os.umask(0o022)
    try:
        argmap.dump(m, tmp_path / "new.argmap.yaml")
        assert stat.S_IMODE((tmp_path / "new.argmap.yaml").stat().st_mode) == 0o644
        existing = tmp_path / "shared.argmap.yaml"
        existing.write_text("old")
        existing.chmod(0o664)
        argmap.dump(m, existing)
        assert stat.S_IMODE(existing.stat().st_mode) == 0o664
    finally:
        os.umask(old)


def test_failed_dump_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    import pytest

    m = argmap.loads("argmap: 1\ntitle: t\nclaims: {}\n")
    target = tmp_path / "m.argmap.yaml"
    target.write_text("previous content")

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OSError, match="No space left"):
        argmap.dump(m, target)
    assert target.read_text() == "previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["m.argmap.yaml"]

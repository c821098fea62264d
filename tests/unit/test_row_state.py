"""A question row's state classes: exactly the wanted ones, its other classes kept."""

from __future__ import annotations

from tutor.ui.widgets.pickrow import PickRow
from tutor.ui.widgets.questions.base import set_state


def test_a_row_gets_exactly_its_state_and_keeps_its_other_classes() -> None:
    row = PickRow(1)
    set_state(row, chosen=True)
    assert set(row.classes) == {"pick-row", "-chosen"}
    set_state(row, used=True)
    assert set(row.classes) == {"pick-row", "-used"}
    row.add_class("extra")
    set_state(row)
    assert set(row.classes) == {"pick-row", "extra"}


def test_an_unchanged_state_is_not_restyled(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    row = PickRow(2)
    set_state(row, chosen=True)
    calls: list[object] = []
    monkeypatch.setattr(row, "set_classes", lambda classes: calls.append(classes))
    set_state(row, chosen=True)
    assert calls == []
    set_state(row, chosen=False)
    assert calls == [{"pick-row"}]

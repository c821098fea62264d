"""The participant's page in a real browser: scan-link join, every view of a lesson, an
answer by tap in every form mode (one, many, order, grid, teach-back), changed answers,
the reveal and the end; on a phone (390 and 320 wide) and a desktop, with the phone-first
rules checked on every view."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from browser_helpers import (
    Room,
    Trainer,
    check_layout,
    join_by_link,
    new_context,
    option,
    press,
    token_of,
    wait_until,
)
from tutor.core.text import group as gs

T = gs.WEB_TEXTS


def choice(page: Page, row: str, label: str) -> Locator:
    fieldset = page.locator("fieldset", has=page.locator("legend", has_text=row))
    return fieldset.get_by_role("button", name=label, exact=True)


class Walk:
    """One participant's page and the trainer, stepping through the lesson together."""

    def __init__(self, page: Page, trainer: Trainer, shot: Callable[[Page, str], None]):
        self.page, self.trainer, self._shot = page, trainer, shot
        self.count = 0
        self.token = ""

    def look(self, view: str) -> None:
        check_layout(self.page, view)
        self.count += 1
        self._shot(self.page, f"{self.count:02d}-{view}")

    def tap(self, target: Locator) -> None:
        press(self.page, target)

    def stored(self, index: int, answer: object) -> None:
        """The page says the answer was sent, and the store has exactly that answer."""
        if answer is not None:
            expect(self.page.locator("#status")).to_have_text(T["sent"])
        wait_until(lambda: self.trainer.answer_of(self.token, index) == answer)

    def question(self, index: int) -> None:
        self.trainer.go("question", index)
        expect(self.page.locator("#where")).to_contain_text(f"Vraag {index + 1} van 8")

    def reveal(self, right: bool | None, feedback: str, quote: str) -> None:
        self.trainer.reveal()
        verdict = self.page.locator("#reveal .verdict")
        if right is None:
            expect(verdict).to_have_text(T["no_answer"])
            expect(self.page.locator("#reveal")).to_contain_text(T["answer_key"])
        else:
            expect(verdict).to_have_text(T["right"] if right else T["wrong"])
        expect(self.page.locator("#reveal .lines")).to_contain_text(feedback)
        expect(self.page.locator("#reveal .quote")).to_contain_text(T["quote"])
        expect(self.page.locator("#reveal blockquote").first).to_contain_text(quote)
        for button in self.page.locator("#view .option").all():
            expect(button).to_be_disabled()
        expect(self.page.locator("#status")).to_be_hidden()


@pytest.mark.parametrize("profile", ["phone", "small", "desktop"])
def test_a_whole_lesson_by_taps(
    browser: Browser,
    room: Room,
    trainer: Trainer,
    profile: str,
    shot: Callable[[Page, str], None],
) -> None:
    context = new_context(browser, profile)
    page = context.new_page()
    problems: list[str] = []  # script errors, CSP violations
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    walk = Walk(page, trainer, shot)
    try:
        page.goto(f"{room.url}/?code={room.code}")
        expect(page.get_by_label("Code")).to_have_value(room.code)
        walk.look("join")
        join_by_link(page, room.url, room.code)
        walk.token = token_of(page, room.code)
        assert trainer.participants() == 1
        walk.look("waiting")

        for index in range(5):
            trainer.go("step", index)
            expect(page.locator("#where")).to_contain_text(f"Stap {index + 1} van 5")
            expect(page.locator("#view .key")).to_contain_text(T["key_point"])
            walk.look(f"step{index + 1}")
            if index == 1:  # the cascade: the trainer walks its links, the page follows
                for sub, label in enumerate(["Licht", "Oog", "Biologische klok"]):
                    trainer.go("step", 1, sub)
                    expect(page.locator(".cascade li.now")).to_contain_text(label)
                    expect(page.locator(".cascade li[aria-current=step]")).to_have_count(1)
                walk.look("cascade")
        expect(page.locator("#view .badge")).to_contain_text("Nog onbekend")

        # one: choose, change, reveal (right)
        walk.question(0)
        expect(page.locator("#view .hint")).to_have_text(T["hint_one"])
        walk.look("one")
        walk.tap(option(page, "Op de spieren in je armen en benen"))
        walk.stored(0, [1])
        walk.tap(option(page, "Op je biologische klok"))
        walk.stored(0, [0])
        expect(option(page, "Op je biologische klok")).to_have_attribute("aria-pressed", "true")
        expect(option(page, "Op je maag")).to_have_attribute("aria-pressed", "false")
        walk.look("one-answered")
        walk.reveal(True, "Klopt, via je ogen op je klok.", "Licht werkt via je ogen")
        walk.look("one-revealed")

        # many: tick, untick
        walk.question(1)
        walk.tap(option(page, "Je zit elke ochtend voor een lamp"))
        walk.stored(1, [0])
        walk.tap(option(page, "Je moet recht in het licht kijken"))
        walk.stored(1, [0, 2])
        walk.tap(option(page, "Het licht remt melatonine"))
        walk.stored(1, [0, 1, 2])
        walk.tap(option(page, "Je moet recht in het licht kijken"))
        walk.stored(1, [0, 1])
        walk.look("many")
        walk.reveal(True, "Ja, via de klok.", "Je zit elke ochtend")

        # one (true/false), wrong
        walk.question(2)
        walk.tap(option(page, "Waar"))
        walk.stored(2, True)
        walk.reveal(False, "Nee. Het werkt niet bij iedereen", "Waarom het bij de een")
        walk.look("true-false-revealed")

        # order: tap in order; take the last one back (answer withdrawn), place it again
        walk.question(3)
        expect(page.locator("#view .hint")).to_have_text(T["hint_order"])
        walk.look("order")
        items = [
            "Licht valt in je oog",
            "Het oog stuurt een signaal",
            "De klok remt melatonine",
            "Je slaap verandert",
        ]
        for item in items[:3]:
            walk.tap(page.locator("#view .option", has_text=item))
        expect(page.locator("#status")).to_have_text(T["not_sent"])
        expect(page.locator(".yours li")).to_have_count(3)
        walk.look("order-partly")
        walk.tap(page.locator("#view .option", has_text=items[3]))
        walk.stored(3, [0, 1, 2, 3])
        expect(page.locator("#view .option", has_text=items[3]).locator(".n")).to_have_text("4")
        walk.tap(page.locator("#view .option", has_text=items[3]))
        walk.stored(3, None)
        expect(page.locator("#status")).to_have_text(T["not_sent"])
        walk.tap(page.locator("#view .option", has_text=items[3]))
        walk.stored(3, [0, 1, 2, 3])
        walk.reveal(True, "Eerst het licht", "De keten gaat zo")
        walk.look("order-revealed")

        # grid with unique choices (match): a meaning taken by another row moves over
        walk.question(4)
        walk.tap(choice(page, "melatonine", "Een stof die je slaperig maakt"))
        walk.tap(choice(page, "biologische klok", "Een lamp met fel licht"))
        expect(page.locator("#status")).to_have_text(T["not_sent"])
        walk.tap(choice(page, "lichtbak", "Regelt wanneer je moe wordt"))
        walk.stored(4, [0, 2, 1])
        walk.tap(choice(page, "biologische klok", "Regelt wanneer je moe wordt"))
        walk.stored(4, None)
        expect(choice(page, "lichtbak", "Regelt wanneer je moe wordt")).to_have_attribute(
            "aria-pressed", "false"
        )
        walk.tap(choice(page, "lichtbak", "Een lamp met fel licht"))
        walk.stored(4, [0, 1, 2])
        walk.look("match")
        walk.reveal(True, "Melatonine maakt slaperig", "Fel licht in de ochtend")

        # grid (evidence): one row wrong
        walk.question(5)
        expect(page.locator("#view .hint")).to_have_text(T["hint_grid"])
        walk.tap(choice(page, "Licht werkt op de biologische klok", "Goed onderzocht bij mensen"))
        walk.tap(choice(page, "Licht verzet de klok", "Gezien bij dieren"))
        walk.tap(choice(page, "Na een week een beter gevoel", "Gezien bij dieren"))
        walk.tap(choice(page, "Hoe lang het effect blijft", "Nog onbekend"))
        walk.stored(5, ["established", "animal", "animal", "unknown"])
        walk.look("evidence")
        walk.reveal(False, "✗ Na een week een beter gevoel", "Dat fel licht")
        walk.look("evidence-revealed")

        # teach-back: think first, open the model answer, tick the key points
        walk.question(6)
        expect(page.locator("#view .hint").first).to_have_text(T["hint_explain"])
        expect(option(page, "Licht werkt via je ogen.")).to_be_hidden()
        walk.look("explain")
        walk.tap(page.get_by_role("button", name=T["explain_reveal"]))
        expect(page.locator("#view .model")).to_contain_text("Licht valt in je oog.")
        for point in ["Licht werkt via je ogen.", "De klok remt melatonine."]:
            walk.tap(option(page, point))
        walk.stored(6, [0, 1])
        walk.tap(option(page, "Je bent overdag wakkerder."))
        walk.stored(6, [0, 1, 2])
        walk.look("explain-ticked")
        walk.reveal(True, "Een goede uitleg", "De keten gaat zo")

        # not answered: the answer key instead of a verdict
        walk.question(7)
        walk.reveal(None, "Na een tot twee weken", "Veel mensen merken")
        walk.look("unanswered-revealed")

        for index in range(3):
            trainer.go("review", index)
            expect(page.locator("#where")).to_contain_text(f"({index + 1} van 3)")
            expect(page.locator("#view h2")).to_have_text(T["review_title"])
            walk.look(f"review{index + 1}")
        expect(page.locator("#view h3")).to_have_text("Helpt licht ook buiten de winter?")

        trainer.go("summary")
        expect(page.locator("#view h2")).to_have_text(T["end_title"])
        expect(page.locator("#view .score")).to_have_text("Jij had 5 van 8 vragen goed.")
        expect(page.locator("#view .unknowns li")).to_have_count(3)
        walk.look("summary")
        trainer.end()
        expect(page.locator("#view")).to_contain_text(T["end_ended"])
        expect(page.locator("#view")).to_contain_text(T["end_close"])
        expect(page.locator("#view .unknowns li")).to_have_count(3)
        walk.look("ended")
        assert trainer.participants() == 1
        assert not problems, problems
    finally:
        context.close()


def test_by_keyboard_alone_with_a_visible_focus(
    room: Room, trainer: Trainer, desktop: Page, shot: Callable[[Page, str], None]
) -> None:
    desktop.goto(f"{room.url}/?code={room.code}")
    desktop.keyboard.press("Tab")  # the code field, then Meedoen
    expect(desktop.get_by_label("Code")).to_be_focused()
    desktop.keyboard.press("Enter")
    expect(desktop.locator("#view")).to_contain_text(T["waiting"])
    token = token_of(desktop, room.code)
    trainer.go("question", 0)
    expect(desktop.locator("#where")).to_contain_text("Vraag 1 van 8")
    desktop.keyboard.press("Tab")
    focused = desktop.locator("#view .option").first
    expect(focused).to_be_focused()
    outline = focused.evaluate(
        "(b) => { const s = getComputedStyle(b); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2, outline
    shot(desktop, "focus")
    desktop.keyboard.press("Space")
    expect(desktop.locator("#status")).to_have_text(T["sent"])
    wait_until(lambda: trainer.answer_of(token, 0) is not None)

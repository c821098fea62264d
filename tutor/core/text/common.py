"""Every Dutch text the app shows that does not come from the content.

Kept in one place so wording is consistent and easy to review. Never imports
Textual.
"""

from __future__ import annotations

APP_TITLE = "Ketamine: wat weten we?"
HELP_LINE = (
    "Denk je aan zelfdoding? Bel gratis 113 of 0800-0113, of chat via 113.nl. "
    "Bij direct gevaar: 112."
)
CAUTION = (
    "Dit is informatie, geen medisch advies. Bespreek behandeling met je huisarts of behandelaar."
)

EVIDENCE_LABELS = {
    "established": "Goed onderzocht bij mensen",
    "human-early": "Eerste aanwijzingen bij mensen",
    "animal": "Gezien bij dieren",
    "unknown": "Nog onbekend",
}
EVIDENCE_ORDER = ("established", "human-early", "animal", "unknown")

HOME_INTRO = "Kies een les met een cijfer, of met de pijltjes en Enter. Je kunt ook klikken."
HOME_BROKEN = "Deze lesbestanden konden niet worden geladen en zijn overgeslagen:"
HOME_NO_LESSONS = "Er zijn geen lessen gevonden."
LESSON_BROKEN = "Deze les kon niet worden geladen. Onder de lijst staat wat er mis is."

STEP_COUNTER = "Stap {number} van {total}"
QUESTION_COUNTER = "Vraag {number} van {total}"
KEY_POINT = "Onthoud"
REVIEW_TITLE = "Wat we nog niet weten"
REVIEW_INTRO = (
    "Ook de onderzoekers weten nog niet alles. Dit zijn vragen waar nog geen goed antwoord op is."
)
RESULT_LINE = "{right} van {total} goed"
RESULT_PASSED = "Goed gedaan: je hebt genoeg vragen goed beantwoord."
RESULT_NOT_PASSED = "Je hebt {needed} goede antwoorden nodig. Oefen gerust nog eens."
RESULT_RETRY_TITLE = "Nog eens oefenen"
RESULT_WRONG_HEADER = "Deze vragen gingen nog niet goed:"

BUTTON_PREVIOUS = "← Vorige"
BUTTON_NEXT = "Volgende →"
BUTTON_TO_QUIZ = "Naar de vragen →"
BUTTON_CHECK = "Controleer"
BUTTON_CONTINUE = "Verder →"
BUTTON_GLOSSARY = "Begrippen (g)"
BUTTON_HELP = "Hulp (?)"
BUTTON_HOME = "Naar de lessen"
BUTTON_RESULT = "Naar je uitslag →"
BUTTON_RETRY = "Oefen wat nog niet goed ging"
BUTTON_REVIEW = "Wat we nog niet weten"
BUTTON_CLOSE = "Sluiten"
BUTTON_UNDO = "← Ongedaan maken"

ANSWER_RIGHT = "Goed!"
ANSWER_WRONG = "Niet goed."
ANSWER_QUOTE = "Uit het artikel:"
ANSWER_INCOMPLETE = "Kies eerst een antwoord."
ANSWER_ALSO_RIGHT = "Ook goed was: {option}"
ANSWER_RIGHT_ORDER = "De goede volgorde is:"
ANSWER_RIGHT_PAIRS = "Zo horen ze bij elkaar:"
ANSWER_LEVEL = "{text}: {level}"
ANSWER_MODEL = "Een goede uitleg: {text}"

TRUE_LABEL = "Waar"
FALSE_LABEL = "Niet waar"
ORDER_HINT = (
    "Kies de stappen in de goede volgorde met de cijfers of door te klikken. ← maakt ongedaan."
)
ORDER_YOURS = "Jouw volgorde:"
MATCH_HINT = "Kies bij elk begrip de goede betekenis. ← maakt ongedaan."
MATCH_CURRENT = "Welke betekenis hoort bij: {term}"
EVIDENCE_HINT = "Hoe zeker is dit? Kies bij elke uitspraak een cijfer. ← maakt ongedaan."
EVIDENCE_CURRENT = "Uitspraak {number} van {total}:"
MULTIPLE_HINT = "Er kunnen meer antwoorden goed zijn. Kies alles wat klopt en druk op Enter."
SINGLE_HINT = "Kies één antwoord en druk op Enter."
EXPLAIN_HINT = (
    "Leg het eerst in je eigen woorden uit: hardop, in gedachten of getypt in het vak "
    "(klik erin om te typen). Druk dan op Enter of op een knop voor het goede antwoord."
)
EXPLAIN_TICK_HINT = "Welke punten noemde je? Kies ze met de cijfers of klik erop. Dan Enter."
EXPLAIN_PLACEHOLDER = "Typ hier je uitleg. Dat hoeft niet: denken mag ook."
EXPLAIN_YOURS = "Jouw uitleg:"
EXPLAIN_NOT_KEPT = "Wat je typt, bewaren we niet. Alleen als je op 'Bewaar' klikt."
BUTTON_EXPLAIN_REVEAL = "Toon het antwoord"
BUTTON_EXPLAIN_THINK = "Niet typen, toon het antwoord"
BUTTON_EXPLAIN_SAVE = "Bewaar voor mijn behandelaar"
BUTTON_EXPLAIN_SAVED = "Bewaard voor mijn behandelaar ✓"

GLOSSARY_TITLE = "Begrippen"
GLOSSARY_EMPTY = "Deze les heeft geen begrippenlijst."
HELP_TITLE = "Hulp"
HELP_KEYS = (
    ("→ / Enter / spatie", "volgende stap, antwoord bevestigen, verder"),
    ("← / Backspace", "vorige stap (in een vraag: keuze ongedaan maken)"),
    ("1-9", "op het startscherm: les openen; in een vraag: antwoord kiezen"),
    ("g", "begrippen van deze les"),
    ("b", "bron: het stuk uit het artikel waar dit op steunt"),
    ("?", "deze hulp"),
    ("Esc", "terug naar de lessen"),
    ("q", "stoppen"),
)
KEY_NAMES = {
    "enter": "Enter",
    "space": "spatie",
    "backspace": "Backspace",
    "escape": "Esc",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "question_mark": "?",
}
"""How the help dialog names keys (`tutor.ui.dialogs.help.key_table`)."""
HELP_MOUSE = "Je kunt ook overal klikken of tikken: op lessen, antwoorden en knoppen."

CASCADE_TITLE = "De keten stap voor stap ({number} van {total})"
CASCADE_HINT = "→ volgende deel van het schema, {number} van {total}  ·  ← vorige"
CASCADE_HINT_LAST = "→ verder met de les (de volgende stap)  ·  ← vorige deel van het schema"
TIMELINE_TITLE = "Tijdlijn: tijd na de behandeling"

STATUS_NOT_STARTED = "Nog niet begonnen"
STATUS_IN_PROGRESS = "Bezig: stap {step} van {total}"
STATUS_DONE = "Klaar: beste score {right} van {total} ({day})"
RESUME_TITLE = "Je was al begonnen aan deze les"
RESUME_TEXT = "Je was bij stap {step} van {total}."
RESUME_QUIZ_TEXT = "Je was bij vraag {number} van {total} van de quiz."
BUTTON_RESUME = "Verder waar je was (Enter)"
BUTTON_RESTART = "Opnieuw beginnen (o)"
REVIEW_DUE = "Herhalen: {count} vragen om te oefenen (h)"
REVIEW_DUE_ONE = "Herhalen: 1 vraag om te oefenen (h)"
REVIEW_NONE = "Herhalen: er staan nu geen vragen klaar."
REVIEW_SESSION_TITLE = "Herhalen"
CONFIDENCE_PROMPT = "Hoe zeker ben je? (niet verplicht)"
CONFIDENCE_LABELS = {"zeker": "Zeker (z)", "twijfel": "Twijfel (t)", "gok": "Gok (k)"}
SAVE_HINT = "Druk op een cijfer of klik om een vraag te bewaren voor je behandelaar."
SAVED_MARK = "[bewaard]"
NOT_SAVED_MARK = "[bewaar]"
PROVIDER_TITLE = "Wat kun je hiermee?"
PROGRESS_TABLE_TITLE = "Je voortgang"
PROGRESS_COLUMNS = ("Les", "Status")

# "Bron": the article behind a step or an answer.
BUTTON_SOURCE = "Bron (b)"
SOURCE_TITLE = "Bron"
SOURCE_INTRO = (
    "Dit staat in het artikel waar deze les op gebaseerd is. De les gebruikt het gemarkeerde "
    "(gele) stuk."
)
SOURCE_NO_TITLE = "Artikel zonder titel"
SOURCE_DATE = "Datum: {date}"
SOURCE_FILE = "Bestand: {source}"
SOURCE_MISSING = "Dit stuk van het artikel is niet te vinden. Meld dit aan wie de les beheert."
SOURCE_MORE = "Dit stuk steunt op {count} passages. Met ← en → zie je de andere."
SOURCE_COUNTER = "Passage {number} van {total}"

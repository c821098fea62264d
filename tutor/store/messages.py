"""What the store tells the learner (Dutch), when a file is locked, full, damaged or read-only.

The store builds these itself, so every caller (app, `tutor progress`, export, kiosk)
says the same thing. Never imports Textual.
"""

from __future__ import annotations

# --- any store file; `{path}` is the file, `{folder}` its folder ---

BUSY = (
    "Het bestand {path} is even in gebruik door een ander programma "
    "(bijvoorbeeld een back-up, synchronisatie, een virusscanner of een tweede tutor)."
)
WAITING = "Het bestand {path} is even in gebruik door een ander programma. Even wachten…"
DISK_FULL = "De schijf is vol: {path} kan niet worden bijgewerkt."
READ_ONLY = "Het bestand {path} kan alleen worden gelezen: er kan niets in worden opgeslagen."
FOLDER_READ_ONLY = "In de map {folder} kan niets worden opgeslagen."
IO_ERROR = "De schijf gaf een fout bij het lezen of schrijven van {path}."
CORRUPT = "Het bestand {path} is beschadigd."
CANNOT_OPEN = "Het bestand {path} kan niet worden geopend."
IS_DIRECTORY = "{path} is een map, geen bestand."
IS_FILE = "{path} is een bestand, geen map."
NOT_A_FILE = "{path} is geen gewoon bestand."
OTHER = "Er ging iets mis met het bestand {path}."
SALVAGE_FAILED = "Het bestand {path} is beschadigd en kon niet worden hersteld."

# --- the learner's progress ---

PROGRESS_UNAVAILABLE = (
    "Je voortgang wordt deze keer niet bewaard. {reason} Je kunt wel gewoon leren."
)
PROGRESS_BUSY = (
    "Je voortgang wordt deze keer niet bewaard: je voortgangsbestand is even in gebruik door "
    "een ander programma (bijvoorbeeld een back-up, synchronisatie of een tweede tutor). "
    "Er is niets van kwijtgeraakt. Sluit dat programma en start de tutor opnieuw; "
    "je kunt nu wel gewoon leren."
)
PROGRESS_READ_ONLY = (
    "Je ziet je eerdere voortgang, maar nieuwe voortgang wordt deze keer niet bewaard. {reason}"
)
PROGRESS_SALVAGED = (
    "Je voortgangsbestand was beschadigd. We hebben gered wat nog te lezen was "
    "({rows} onderdelen) en gaan daarmee verder. Het beschadigde bestand is bewaard als {name}."
)
PROGRESS_NOTHING_SALVAGED = (
    "Je voortgangsbestand was beschadigd en er was niets meer uit te lezen. We beginnen met "
    "een nieuw bestand. Het beschadigde bestand is bewaard als {name}."
)
PROGRESS_DAMAGED_SHOWN = (
    "Je voortgangsbestand is beschadigd. Hieronder staat wat er nog uit te lezen was "
    "({rows} onderdelen). Start de tutor om het bestand te herstellen."
)
PROGRESS_BUSY_SHOWN = (
    "Je voortgangsbestand is even in gebruik door een ander programma "
    "(bijvoorbeeld een back-up, synchronisatie of een tweede tutor). Probeer het zo nog eens."
)
PROGRESS_WRITE_FAILED = (
    "Je voortgang kan niet meer worden bewaard. {reason} Je kunt gewoon verder leren, "
    "maar wat je vanaf nu doet wordt deze keer niet bewaard."
)
PROGRESS_BUSY_LATER = (
    "Je voortgangsbestand is even in gebruik door een ander programma. "
    "We bewaren je voortgang zodra het weer vrij is."
)
PROGRESS_STILL_BUSY = "Je voortgangsbestand bleef in gebruik door een ander programma."
PROGRESS_UNSAVED_ONE = "Let op: 1 wijziging in je voortgang is niet bewaard. {reason}"
PROGRESS_UNSAVED = "Let op: {count} wijzigingen in je voortgang zijn niet bewaard. {reason}"

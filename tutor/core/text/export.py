"""Every Dutch text of the exports (CLI help, messages and file contents).

The safety texts themselves (`HELP_LINE`, `CAUTION`) and the evidence labels
come from `tutor.core.text.common`, so the app and the exports always say the same.
"""

from __future__ import annotations

# --- Command line ----------------------------------------------------------

EXPORT_HELP = "maak een bestand om mee te nemen of te delen"
EXPORT_DESCRIPTION = (
    "Maak een bestand om mee te nemen of te delen: een hand-out van een les, alle quizzen "
    "voor Moodle (GIFT) of je eigen lijst met vragen voor je behandelaar."
)
EXPORT_KINDS_TITLE = "soorten"
EXPORT_KIND_METAVAR = "SOORT"

HANDOUT_HELP = "hand-out van een les (Markdown of HTML, om te printen)"
HANDOUT_DESCRIPTION = (
    "Maak een hand-out van een les om te printen of mee te nemen: de stappen, wat je moet "
    "onthouden, de begrippen, wat we nog niet weten en de bron. HTML print goed op A4."
)
HANDOUT_LESSON_HELP = "de les-id, bijvoorbeeld hoe-werkt-ketamine"
HANDOUT_FORMAT_HELP = (
    "md (Markdown) of html; zonder deze optie kiest de tutor html als het bestand op "
    ".html eindigt, anders md"
)
GIFT_HELP = "alle quizzen in Moodle GIFT-formaat"
GIFT_DESCRIPTION = (
    "Zet alle quizzen in één bestand in Moodle GIFT-formaat, met uitleg bij elk antwoord. "
    "Zo kan een kliniek dezelfde vragen in haar leeromgeving zetten. Vragen over volgorde "
    "en over hoe zeker iets is, worden koppelvragen."
)
QUESTIONS_HELP = "je bewaarde vragen voor je behandelaar (Markdown)"
QUESTIONS_DESCRIPTION = (
    "Zet de vragen die je tijdens het leren hebt bewaard in een Markdown-bestand. Neem dat "
    "mee naar je volgende afspraak."
)
OUTPUT_HELP = "het bestand dat de tutor maakt (- schrijft naar het scherm)"
FORCE_HELP = "vervang het bestand als het al bestaat"
OUTPUT_EMPTY = "geef een bestandsnaam, of - om naar het scherm te schrijven"
OUTPUT_IS_FOLDER = (
    "'{path}' eindigt op '/' en is dus een map; geef een bestandsnaam, bijvoorbeeld "
    "{path}hand-out.md"
)
OUTPUT_EXISTS = (
    "Het bestand '{path}' bestaat al. Kies een andere naam, of gebruik --force om het te vervangen."
)
OUTPUT_IS_SYMLINK = (
    "'{path}' is een snelkoppeling (symlink) naar '{target}'. De tutor schrijft niet via een "
    "snelkoppeling. Kies een andere naam, of gebruik --force om de snelkoppeling zelf te "
    "vervangen."
)
OUTPUT_NOT_REGULAR = (
    "Kan niet opslaan in '{path}': dat is geen gewoon bestand (maar bijvoorbeeld een apparaat "
    "of een pipe). Kies een andere naam."
)
LESSON_HAS_PROBLEMS = (
    "De hand-out van '{lesson}' is niet gemaakt: 'tutor lint' vindt {count} probleem/problemen "
    "in de les:"
)
MORE_PROBLEMS = "  ... en nog {count}. Kijk met 'tutor lint' wat er mis is."

WROTE_HANDOUT = "Hand-out opgeslagen in {path}."
WROTE_GIFT = "{count} vragen uit {quizzes} quizzen opgeslagen in {path}."
WROTE_QUESTION = "1 bewaarde vraag opgeslagen in {path}."
WROTE_QUESTIONS = "{count} bewaarde vragen opgeslagen in {path}."
NO_SAVED_QUESTIONS_NOTE = "Je hebt nog geen vragen bewaard. Het bestand zegt hoe dat werkt."

UNKNOWN_LESSON = "Onbekende les '{lesson}'. Kies uit: {choices}."
NO_LESSONS = "Er zijn geen lessen gevonden in {root}."
BROKEN_LESSON = "De tutor kan de les '{lesson}' niet laden. Kijk met 'tutor lint' wat er mis is."
NO_QUIZZES = "Er zijn geen quizzen gevonden in {root}."
SKIPPED_FILES = (
    "Let op: {count} bestand(en) met fouten zijn overgeslagen. Kijk met 'tutor lint' wat er mis is."
)
CANNOT_WRITE = "Kan het bestand '{path}' niet opslaan: {reason}."
WRITE_REASONS = {
    "EACCES": "je hebt daar geen schrijfrechten",
    "EPERM": "je hebt daar geen schrijfrechten",
    "ENOENT": "die map bestaat niet",
    "ENOTDIR": "een deel van het pad is geen map",
    "EISDIR": "dat is een map, geen bestand",
    "EROFS": "die schijf is alleen-lezen",
    "ENOSPC": "de schijf is vol",
}
WRITE_REASON_OTHER = "er ging iets mis bij het schrijven ({detail})"
STORE_UNAVAILABLE = (
    "Je bewaarde vragen zijn niet te lezen: de map met gegevens is niet bruikbaar ({detail})."
)

# --- Handout ---------------------------------------------------------------

HANDOUT_KICKER = "Hand-out bij de les"
HANDOUT_DOC_TITLE = "{title} — hand-out"
STEP_HEADING = "Stap {number}: {title}"
EVIDENCE_LINE = "Hoe zeker is dit? {label}"
CASCADE_HEADING = "Op een rij:"
TIMELINE_HEADING = "Tijdlijn: tijd na de behandeling"
PROVIDER_TITLE = "Wat kun je hiermee?"
PROVIDER_INTRO = (
    "Vragen om te stellen, waar je op let en waar je meer leest. "
    "Neem ze mee naar je huisarts of behandelaar."
)
SOURCES_TITLE = "Bron"
SOURCES_INTRO = (
    "Deze les volgt vooral één artikel. Staat er 'een andere bron', dan komt dat uit een ander "
    "artikel. Dat staat niet op dit blad."
)
SOURCE_ARTICLE = "Artikel: “{title}”"
SOURCE_ARTICLE_UNTITLED = "Artikel bij de les “{title}” (het artikel heeft zelf geen kop)"
SOURCE_FILE = "Bestand: {file}"

# --- Saved questions -------------------------------------------------------

QUESTIONS_TITLE = "Vragen voor mijn behandelaar"
QUESTIONS_INTRO = (
    "Neem deze lijst mee naar je volgende afspraak. Je hebt deze vragen bewaard tijdens het "
    "leren. Je arts of therapeut kan samen met jou kijken wat ze voor jou betekenen."
)
QUESTIONS_EMPTY = (
    "Je hebt nog geen vragen bewaard. Tijdens een les kun je een open vraag uit 'Wat we nog "
    "niet weten' bewaren, of een vraag voor je behandelaar. Die komen dan in deze lijst."
)
QUESTIONS_OTHER_LESSON = "Les '{lesson}'"
QUESTION_KIND_UNKNOWN = "Open vraag uit 'Wat we nog niet weten'"
QUESTION_KIND_PROVIDER = "Uit: Wat kun je hiermee?"
QUESTION_KIND_EXPLAIN = "Mijn eigen uitleg bij een vraag"
QUESTION_EXPLANATION = "Wat de les erover zegt: {text}"
QUESTION_SAVED_ON = "Bewaard op {date}"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# --- GIFT -------------------------------------------------------------------

GIFT_HEADER = (
    "{app} — alle quizzen in Moodle GIFT-formaat (UTF-8).",
    "Importeer via Vragenbank > Importeren > GIFT-formaat. Elke les krijgt een eigen categorie.",
    "Vragen over volgorde en over hoe zeker iets is, zijn koppelvragen geworden.",
    "Een koppelvraag met maar twee paren is een meerkeuzevraag geworden.",
)
GIFT_NOTICE_NAME = "let-op"
ORDER_AS_MATCH = "Kies bij elke stap wat er op die plek hoort."
ORDER_POSITION = "Stap {number}"
ORDER_AS_CHOICE = "Welke volgorde klopt?"
MATCH_AS_CHOICE = "Welke combinatie klopt?"
EVIDENCE_AS_MATCH = "Kies bij elke uitspraak hoe zeker het is."
EVIDENCE_AS_CHOICE = "Hoe zeker is dit? Uitspraak: {text}"
CHOICE_RIGHT = "Goed. {explanation}"
CHOICE_WRONG = "Dat klopt niet. {explanation}"
FEEDBACK_QUOTES = "Uit het artikel: {quotes}"
FEEDBACK_LEVEL = "{text}: {level}."

"""Every Dutch text of the group sessions (trainer, participants, the web page).

Kept in one place, next to `tutor.core.text.common`, so wording is consistent and easy to
review. Never imports Textual.
"""

from __future__ import annotations

GROUP_TITLE = "Groepssessie"
CODE_LABEL = "Code"
CODE_SHORT = "Code {code}"

# Trainer
LOBBY_INTRO = "Doe mee met je eigen telefoon of laptop. Je antwoorden zijn anoniem."
LOBBY_OPEN = "Of open dit adres:"
LOBBY_SCAN = "Scan de code met de camera van je telefoon."
LOBBY_NETWORK = "Je telefoon of laptop moet op hetzelfde (wifi-)netwerk zitten als deze computer."
LOBBY_LOCAL = "Alleen deze computer kan meedoen (--local): handig om te oefenen."
LOBBY_STARTING = "De pagina voor deelnemers start…"
LOBBY_NO_SERVER = "Meedoen met telefoon of laptop kan in deze sessie niet."
LOBBY_WEB_FAILED = (
    "De pagina voor deelnemers kon niet starten: {reason}. Handen tellen kan wel (zie ?)."
)
WEB_FAILED_PORT = "de poort is bezet (probeer --port met een ander getal)"
WEB_FAILED_OTHER = "zie het logbestand {log}"
WEB_RESTARTING = (
    "De pagina voor deelnemers was gestopt en start opnieuw. Deelnemers gaan vanzelf verder."
)
LOBBY_TERMINAL = "In een terminal: tutor join --url {url} --code {code}"
LOBBY_START = "Druk op → om te beginnen."
PRESENT = "Verbonden: {count}"
ANSWERS = "Antwoorden: {count}"
ANSWERS_WITH_HANDS = "Antwoorden: {count} (waarvan {hands} handen)"
NOTE_TITLE = "Voor de trainer"
NOTE_NONE = "Geen notitie bij deze stap."
NOTE_HINT = "n verbergt dit paneel"
QUESTION_WAITING = (
    "Iedereen kiest een antwoord. Je ziet pas wat goed is als je op r drukt. "
    "b laat de antwoorden zien om te bespreken."
)
QUESTION_HANDS = "Geen apparaten? Tel de handen: druk op het cijfer van een antwoord (x haalt weg)."
QUESTION_HANDS_CHOICE_ONLY = "Handen tellen kan alleen bij vragen met antwoorden om uit te kiezen."
DISCUSS_TITLE = "Bespreek: wat kozen jullie?"
DISCUSS_HINT = "Het goede antwoord blijft nog verborgen. Druk op r om het te laten zien."
REVEAL_TITLE = "Het goede antwoord"
NO_ANSWERS_YET = "Nog geen antwoorden."
OTHER_RESPONSES = "Iets anders"
TRAINER_UNKNOWN_TITLE = "Wat we nog niet weten ({number} van {total})"
DISCUSSION_TITLE = "Om te bespreken"
NOTE_REVIEW = (
    "Hier is geen goed of fout antwoord: ook de onderzoekers weten het nog niet. "
    "Laat de groep eerst vertellen wat ze denken."
)
DISCUSSION_PROMPTS = (
    "Wat vind je ervan dat de onderzoekers dit nog niet weten?",
    "Wat zou je hierover aan je arts of behandelaar willen vragen?",
    "Wat kan deze onzekerheid betekenen voor iemand die over een behandeling nadenkt? "
    "Niemand hoeft iets over zichzelf te vertellen.",
)
SUMMARY_TITLE = "Samenvatting van de sessie"
SUMMARY_INTRO = (
    "Per vraag: hoeveel mensen antwoordden, hoeveel goed, en het vaakst gekozen foute antwoord."
)
SUMMARY_COLUMNS = ("Vraag", "Beantwoord", "Goed", "Vaakst gekozen fout")
SUMMARY_NONE = "–"
SUMMARY_SAVED = "Samenvatting opgeslagen in {path}"
SUMMARY_SAVE_FAILED = "Kon de samenvatting niet opslaan in {path}: {error}"
SUMMARY_TIP = "Tip: met 'tutor trainer --summary BESTAND' bewaar je dit overzicht als Markdown."
SUMMARY_FILE_TITLE = "Samenvatting groepssessie: {title}"
SUMMARY_FILE_DATE = "Datum: {date}"
SUMMARY_FILE_NO_NAMES = "Dit overzicht bevat geen namen. Antwoorden zijn anoniem gegeven."
RESUME_SESSION_TITLE = "Deze sessie is nog niet afgesloten"
RESUME_SESSION_TEXT = (
    "Sessie {code} van deze les liep {minutes} minuten geleden nog, bijvoorbeeld omdat het "
    "programma onverwacht stopte. Ga je verder, dan houdt de groep dezelfde code en dezelfde "
    "antwoorden, en gaan telefoons die nog open staan vanzelf mee."
)
BUTTON_RESUME_SESSION = "Doorgaan met sessie {code} (d)"
BUTTON_RESUME_SESSION_KEY = "Doorgaan"
BUTTON_NEW_SESSION = "Nieuwe sessie (n)"
LOCAL_AND_HOST = "--local en --host gaan niet samen: --local luistert alleen op 127.0.0.1."
QUIT_CONFIRM = "Druk nog een keer op q om de sessie te stoppen."
LESSON_UNKNOWN = "Les '{lesson}' bestaat niet. Kies uit: {choices}"
STORE_PROBLEM = "Dat lukte niet: de groepsopslag reageert niet. Probeer het zo nog eens."
SESSION_GONE = "De sessie is verlopen of gestopt. Start een nieuwe sessie met 'tutor trainer'."
STORE_UNAVAILABLE = "De groepsopslag is niet te gebruiken: {error}"

TRAINER_HELP_TITLE = "Toetsen voor de trainer"

BUTTON_REVEAL = "Onthul (r)"
BUTTON_DISCUSS = "Bespreek (b)"
BUTTON_NOTE = "Notitie (n)"
BUTTON_START = "Begin →"

# Participants
JOIN_TITLE = "Meedoen met een groepssessie"
JOIN_INTRO = "Typ de code van zes cijfers die de trainer laat zien."
JOIN_CODE = "Code"
JOIN_NAME = "Je naam (mag leeg blijven; alleen jij ziet hem)"
JOIN_BUTTON = "Meedoen"
JOIN_BAD_CODE = "Een code heeft zes cijfers, bijvoorbeeld 123456."
JOIN_UNKNOWN = "Er is geen sessie met code {code}. Kijk de code nog eens goed na."
JOIN_EXPIRED = "De sessie met code {code} is verlopen. Vraag de trainer om een nieuwe code."
JOIN_ENDED = "De sessie met code {code} is al afgelopen."
JOIN_FULL = "De sessie met code {code} is vol."
JOIN_NO_LESSON = "Deze les is op deze computer niet te vinden. Vraag de trainer om hulp."
JOIN_ADDRESS = "Je doet mee via {url}"
JOIN_NO_SERVER = (
    "De trainer is niet te bereiken op {url}. Kijk het adres na en of je op hetzelfde "
    "netwerk zit als de trainer."
)
JOIN_ODD_SERVER = (
    "Op {url} draait geen groepssessie van de tutor. "
    "Kijk het adres na op het scherm van de trainer."
)
JOIN_NO_URL = (
    "Geef het adres van de trainer met --url, bijvoorbeeld: tutor join --url "
    "http://192.168.1.20:8000/ (het adres staat op het scherm van de trainer, onder de QR-code)."
)
JOIN_BAD_URL = (
    "'{url}' is geen geldig adres: geef het adres dat de trainer laat zien, bijvoorbeeld "
    "http://192.168.1.20:8000/"
)
JOINING = "Even geduld…"
CONNECTION_LOST = "Verbinding kwijt, we proberen het opnieuw…"
TRAINER_AWAY = "De trainer is even weg. Je blijft in de sessie: het scherm gaat vanzelf verder."
HELLO = "Hallo {name}!"
WAITING = "Je doet mee. Wacht tot de trainer begint."
FOLLOWING = "Je volgt de trainer. Het scherm verandert vanzelf."
PARTICIPANT_HINT_SENT = (
    "Je antwoord is verstuurd. "
    "Je kunt het nog veranderen tot de trainer het goede antwoord laat zien."
)
PARTICIPANT_HINT_OPEN = (
    "Kies je antwoord met een cijfer of door te klikken. Het gaat vanzelf naar de trainer."
)
PARTICIPANT_MULTIPLE_HINT = "Er kunnen meer antwoorden goed zijn. Kies alles wat klopt."
PARTICIPANT_EXPLAIN_HINT = (
    "Kies de punten die je noemde. De trainer ziet alleen hoeveel mensen elk punt kozen."
)
PARTICIPANT_HINT_CLOSED = "De trainer laat nu het goede antwoord zien."
PARTICIPANT_NO_ANSWER = "Je hebt deze vraag niet beantwoord."
PARTICIPANT_TOO_LATE = "Te laat: de trainer liet het goede antwoord al zien."
PARTICIPANT_LOST = "De verbinding met de sessie is weg. Probeer opnieuw mee te doen."
END_TITLE = "De sessie is klaar"
END_THANKS = "Dank je wel voor het meedoen."
END_ENDED = "De trainer heeft de sessie gestopt. Dank je wel voor het meedoen."
END_SCORE = "Jij had {right} van {total} vragen goed."
END_CLOSE = "Je kunt dit venster nu sluiten."
PARTICIPANT_HELP_TITLE = "Hulp"
PARTICIPANT_KEYS = (
    ("1-9", "kies een antwoord (of klik erop)"),
    ("← / Backspace", "keuze ongedaan maken"),
    ("g", "begrippen van deze les"),
    ("?", "deze hulp"),
    ("Ctrl+Q", "stoppen"),
)
PARTICIPANT_HELP_TEXT = (
    "De trainer bepaalt wat je ziet. Je antwoorden zijn anoniem: de trainer ziet alleen hoeveel "
    "mensen welk antwoord kozen."
)

# The participants' web page (tutor/group/web); the page reads `WEB_TEXTS` from its HTML.
WEB_REVIEW_PLACE = "Wat we nog niet weten ({number} van {total})"
WEB_TOO_MANY_TRIES = (
    "Te veel pogingen met een verkeerde code. Wacht een minuut en probeer het dan opnieuw."
)
WEB_BAD_REQUEST = "Dat begreep de server niet. Laad de pagina opnieuw."
WEB_NOT_OPEN = "Deze vraag staat niet meer open."
WEB_BUSY = "Het is even te druk. We proberen het zo opnieuw."
WEB_NOT_FOUND = "Deze pagina bestaat niet."
WEB_SERVER_ERROR = "Er ging iets mis op de server. We proberen het opnieuw."
WEB_TEXTS = {
    "join_title": JOIN_TITLE,
    "join_intro": JOIN_INTRO,
    "code_label": JOIN_CODE,
    "join_button": JOIN_BUTTON,
    "bad_code": JOIN_BAD_CODE,
    "joining": JOINING,
    "waiting": WAITING,
    "following": FOLLOWING,
    "lost": CONNECTION_LOST,
    "no_server": (
        "Geen verbinding met de sessie. Zit je op hetzelfde wifi-netwerk als de trainer? "
        "Probeer het dan opnieuw."
    ),
    "back": "Verbinding is er weer.",
    "away": TRAINER_AWAY,
    "key_point": "Onthoud",
    "evidence": "Hoe zeker is dit?",
    "cascade": "De keten stap voor stap",
    "hint_one": "Tik op je antwoord. Het gaat vanzelf naar de trainer.",
    "hint_many": PARTICIPANT_MULTIPLE_HINT + " Het gaat vanzelf naar de trainer.",
    "hint_order": "Tik de onderdelen aan in de goede volgorde: eerst wat eerst komt.",
    "hint_grid": "Kies bij elke regel het antwoord dat erbij hoort.",
    "hint_explain": "Bedenk eerst zelf je uitleg. Tik dan op 'Toon het antwoord'.",
    "explain_reveal": "Toon het antwoord",
    "explain_model": "Een goede uitleg",
    "explain_tick": PARTICIPANT_EXPLAIN_HINT,
    "order_yours": "Jouw volgorde",
    "order_reset": "Opnieuw beginnen",
    "order_place": "Plek {number}",
    "choose": "Kies…",
    "sent": PARTICIPANT_HINT_SENT,
    "not_sent": "Nog niet verstuurd: maak je antwoord af.",
    "sending": "Versturen…",
    "send_later": "Nog niet verstuurd. Dat gebeurt vanzelf als de verbinding er weer is.",
    "closed": PARTICIPANT_HINT_CLOSED,
    "too_late": PARTICIPANT_TOO_LATE,
    "right": "Goed!",
    "wrong": "Niet goed.",
    "no_answer": PARTICIPANT_NO_ANSWER,
    "answer_key": "Het goede antwoord",
    "quote": "Uit het artikel:",
    "review_title": "Wat we nog niet weten",
    "end_title": END_TITLE,
    "end_thanks": END_THANKS,
    "end_ended": END_ENDED,
    "end_close": END_CLOSE,
    "end_unknowns": "Wat we nog niet weten",
    "anonymous": PARTICIPANT_HELP_TEXT,
}

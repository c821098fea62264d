"""Every Dutch text of the kiosk (screens, dialogs, command line and log).

Kept apart from `tutor.core.text.common` so the kiosk can change its wording without
touching the self-study app. Never imports Textual.
"""

from __future__ import annotations

# Attract screen
ATTRACT_LEAD = "Korte lessen in gewone taal over ketamine, de hersenen en depressie."
ATTRACT_LESSONS = "Je kunt kiezen uit:"
ATTRACT_INVITE = "Raak het scherm aan of druk op een toets om te beginnen"
ATTRACT_START = "Beginnen"
PRIVACY_NOTHING = "Je naam is niet nodig. Er wordt niets bewaard van wat je hier doet."
PRIVACY_COUNTS = (
    "Je naam is niet nodig. Er wordt niets over jou bewaard. We tellen alleen hoe vaak een "
    "antwoord goed of fout is, zonder naam en zonder tijdstip: alleen de datum."
)
PRIVACY_DONE = "Klaar? Tik op Klaar. Dan wordt alles gewist."

# Every screen of a visit
BUTTON_DONE = "Klaar"
LESSON_UNAVAILABLE = "Deze les is nu niet beschikbaar. Kies een andere les."

# Idle countdown
IDLE_TITLE = "Ben je er nog?"
IDLE_TEXT = (
    "Over {seconds} seconden begint het scherm opnieuw. Wat je hebt gedaan, wordt dan gewist."
)
IDLE_STILL_HERE = "Ik ben er nog"

# PIN dialog (for staff)
PIN_TITLE = "Pincode"
PIN_PROMPT = "Alleen voor medewerkers. Typ of tik de pincode en kies OK."
PIN_OK = "OK"
PIN_CLEAR = "Wissen"
PIN_CANCEL = "Annuleren"
PIN_WRONG = "Deze pincode klopt niet. Je kunt het nog {tries} keer proberen."
PIN_LOCKED = "Te vaak een verkeerde pincode. Probeer het over {seconds} seconden opnieuw."

# Help dialog in the kiosk: no key that ends the program
HELP_KEYS = (
    ("→ / Enter / spatie", "volgende stap, antwoord bevestigen, verder"),
    ("← / Backspace", "vorige stap (in een vraag: keuze ongedaan maken)"),
    ("1-9", "in de lijst: les openen; in een vraag: antwoord kiezen"),
    ("g", "begrippen van deze les"),
    ("b", "bron: het stuk uit het artikel waar dit op steunt"),
    ("?", "deze hulp"),
    ("Esc", "terug naar het begin; alles wordt gewist"),
)
HELP_MOUSE = (
    "Je kunt ook overal tikken: op lessen, antwoorden en knoppen. "
    "Met Klaar wis je alles en begint het scherm opnieuw."
)

# Command line
KIOSK_HELP = "wachtkamer-kiosk: anoniem, wist zichzelf, alleen te sluiten met de pincode"
KIOSK_DESCRIPTION = (
    "Start de les-app als kiosk voor een wachtkamer. Wie niets doet, wordt na een tijd gewist; "
    "er wordt niets persoonlijks bewaard. Alleen met Ctrl+Q en de pincode sluit je de kiosk."
)
IDLE_OPTION = (
    "seconden zonder invoer waarna alles gewist wordt, 15 tot en met 3600 (standaard: 120)"
)
STATS_OPTION = "tel anoniem per vraag en antwoord hoe vaak het goed of fout ging, per dag"
SET_PIN_OPTION = "stel de pincode in waarmee medewerkers de kiosk sluiten, en stop"
IDLE_INVALID = "'{value}' is geen geldig aantal seconden (kies {low} tot en met {high})"
NO_PIN = (
    "Er is nog geen pincode ingesteld. Stel er eerst een in met:\n"
    "    tutor kiosk --set-pin\n"
    "Met die pincode sluiten medewerkers de kiosk (Ctrl+Q)."
)
SYSTEMD_UNIT_OPTION = (
    "druk een systemd-service af die de kiosk bij het opstarten start, voor deze installatie, "
    "en stop (bijvoorbeeld: tutor kiosk --systemd-unit | sudo tee "
    "/etc/systemd/system/tutor-kiosk.service)"
)
SCREEN_OPTION = (
    "met --systemd-unit: 'cage' (de kiosk in de terminal foot, in de Wayland-kiosk cage) of "
    "'console' (op de tekstconsole) (standaard: cage)"
)
USER_OPTION = "met --systemd-unit: de eigen gebruiker waaronder de kiosk draait (standaard: kiosk)"
UNIT_ONLY_OPTIONS = "--scherm en --user horen bij --systemd-unit."
UNIT_BAD_SCREEN = "'{value}' is geen scherm; kies 'cage' of 'console'"
UNIT_BAD_USER = (
    "{value} is geen geldige gebruikersnaam (kleine letters, cijfers, _ en -, hoogstens 32 tekens)"
)
UNIT_BAD_CHARACTER = "Een pad voor de service bevat een stuurteken: {value}"
UNIT_DESCRIPTION = "Ketamine-uitleg als wachtkamer-kiosk"
UNIT_HEADER = """Wachtkamer-kiosk van de ketamine-uitleg, gemaakt met 'tutor kiosk --systemd-unit'.
Uitleg: docs/KIOSK.md. Installeren (als beheerder):
  tutor kiosk --systemd-unit | sudo tee /etc/systemd/system/tutor-kiosk.service
  sudo systemctl daemon-reload
  sudo systemctl enable --now tutor-kiosk
De kiosk draait als gebruiker '{user}'. Stel eerst als die gebruiker de pincode in:
  tutor kiosk --set-pin
Na een fout start systemd de kiosk opnieuw; na de goede pincode (Ctrl+Q) niet.
Opnieuw starten: sudo systemctl restart tutor-kiosk. Meldingen: journalctl -u tutor-kiosk"""
NOT_A_TERMINAL = "De kiosk moet in een terminal draaien."
RESTARTING = "Even geduld. De uitleg start opnieuw."

PIN_ASK = "Nieuwe pincode (4 tot 8 cijfers): "
PIN_ASK_AGAIN = "Typ dezelfde pincode nog een keer: "
PIN_INVALID = "Een pincode bestaat uit 4 tot 8 cijfers. Er is niets opgeslagen."
PIN_MISMATCH = "De twee pincodes zijn niet gelijk. Er is niets opgeslagen."
PIN_ABORTED = "Gestopt. Er is niets opgeslagen."
PIN_SAVED = (
    "De pincode is opgeslagen (alleen als veilige hash) in {path}.\nStart de kiosk met: tutor kiosk"
)
PIN_NOT_SAVED = "De pincode kon niet worden opgeslagen: {error}"

STATS_HELP = "toon de anonieme tellingen van de kiosk als tabel"
STATS_DESCRIPTION = (
    "Toon hoe vaak kiosk-bezoekers een vraag, en elk antwoord daarin, goed of fout hadden. "
    "Zo zie je welke ideeën vaak verkeerd begrepen worden. Alleen tellingen, per dag."
)
STATS_PER_DAY_OPTION = "een regel per dag, in plaats van alle dagen opgeteld"
STATS_NONE = (
    "Er zijn nog geen tellingen. Start de kiosk met 'tutor kiosk --stats' om ze bij te houden."
)
STATS_UNREADABLE = "De tellingen konden niet worden gelezen: {error}"
STATS_TITLE = "Anonieme antwoorden in de kiosk, {first} t/m {last}"
STATS_COLUMNS = ("Dag", "Les", "Vraag", "Onderdeel", "Goed", "Fout", "% fout")
STATS_WHOLE = "hele vraag"
STATS_PART = "onderdeel {number}"
STATS_NOTE = (
    "Bij een keuze telt 'goed' als iemand die keuze terecht wel of niet koos; bij volgorde, "
    "koppelen en bewijs telt elk onderdeel dat op de goede plek kwam."
)

# Log file (read by staff)
LOG_CRASH = "De kiosk stopte door een fout:"
LOG_SKIPPED_FILES = "Deze inhoud is overgeslagen (kijk met 'tutor lint' wat er mis is):"
LOG_RESTART = "De kiosk stopte met code {code} en wordt opnieuw gestart."
LOG_STATS_OFF = "Tellen is uitgezet: de tellingen konden niet worden opgeslagen ({error})."

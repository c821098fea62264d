"""The waiting-room kiosk: anonymous, self-resetting, closed only with a PIN.

`tutor kiosk` runs a supervisor (`supervisor.py`) that starts the kiosk app
(`app.py`) in a child process and restarts it after a crash. Nothing in this
package stores anything about a visitor; `--stats` keeps anonymous counts only
(`tutor.store.kiosk_stats`).
"""

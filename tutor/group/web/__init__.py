"""The participants' web server of a group session: the phone page and the HTTP protocol.

`python -m tutor.group.web` runs it as its own process, started by `tutor trainer`,
so a flood of connections never stalls the trainer's screen.
"""

"""`python -m tutor` runs the same command line as `tutor`."""

from tutor.cli import main

raise SystemExit(main())

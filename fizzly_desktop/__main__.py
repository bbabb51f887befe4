"""`python -m fizzly_desktop` opens the app."""

from fizzly_desktop.app import main

raise SystemExit(main())

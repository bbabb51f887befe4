"""The frozen app's entry point: the same ``main()`` as the installed ``fizzly-desktop`` command.

``main()`` also answers ``--run-sandbox`` (the bundled sandbox, started by the app as a second
copy of its own executable, since a frozen build has no ``python -m``) and ``--self-test``.
"""

from fizzly_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())

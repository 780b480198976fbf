"""`python main.py …` is the same program as `nacka-desktop …`."""

import sys

from nacka_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

"""1,000 letters against bare reportlab writing the same pages, in a process of their own:
after the Stockholm registers (30 s each) the exports process had no time left for them.
(The distributions register's extra memory likewise: bench/register_memory.py.)"""

from __future__ import annotations

import os
import sys
import time

from .common import child_args
from .exports import many_letters


def main() -> None:
    started = time.perf_counter()
    many_letters(child_args())
    print(f"  letters took {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # as bench.exports: no interpreter teardown

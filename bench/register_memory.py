"""The distributions register's extra memory (fresh processes writing it), in a process of
its own: see bench/letters.py."""

from __future__ import annotations

import os
import sys

from .common import child_args
from .exports import memory


def main() -> None:
    from nacka_desktop.exports.registers.work import write_distribution_register
    from nacka_desktop.services.context import Services

    args = child_args()
    # The register the bare baseline writes again (as bench.exports leaves it behind).
    services = Services.open(args.database, create=False)
    try:
        write_distribution_register(
            services.work.distribution_register(args.today), args.work_dir / "distributions.xlsx"
        )
    finally:
        services.close()
    memory(args)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # as bench.exports: no interpreter teardown

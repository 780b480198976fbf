"""Where an export may write: a new path or an existing regular file, nothing else."""

from __future__ import annotations

import errno
import stat
from pathlib import Path


class NotARegularFileError(OSError):
    """The chosen output is a device, a pipe, a folder or a symbolic link: writing the file
    beside it and moving it over would replace that (as root even /dev/null)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EINVAL,
            "det är ingen vanlig fil (en enhet, en namngiven pipe, en mapp eller en länk); "
            "välj en vanlig fil",
            str(path),
        )


def check_output(path: Path) -> None:
    """Refuse a path that exists and is not a regular file (a symbolic link is refused
    even if it points to one: moving the new file over it would replace the link)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFileError(path)

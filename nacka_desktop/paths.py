"""Where the app keeps its files: the user's data directory (sample database, backups) and log
directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "nacka-desktop"
SAMPLE_DATABASE_NAME = "nacka-exempel.db"
# Overrides the data directory (the sample database and the backups): a portable install, or
# the tests, which must never write into the user's own.
DATA_DIR_VARIABLE = "NACKA_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def sample_database_path() -> Path:
    return data_dir() / SAMPLE_DATABASE_NAME

"""Where the app keeps its files: the user's data directory (sample database) and log directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "nacka-desktop"
SAMPLE_DATABASE_NAME = "nacka-exempel.db"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def sample_database_path() -> Path:
    return data_dir() / SAMPLE_DATABASE_NAME

"""The sample organisation: its data as files (`data/*.toml`), entered through the services
(`builder.py`); and the generated organisations of any size for benchmarks (`scale/`)."""

from nacka_desktop.sample.builder import (
    SampleRefusedError,
    SampleSummary,
    build_sample_organisation,
)

__all__ = ["SampleRefusedError", "SampleSummary", "build_sample_organisation"]

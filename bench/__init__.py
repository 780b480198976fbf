"""Benchmarks with their baselines, run by `make bench` (never by `make test`)."""

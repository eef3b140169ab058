"""Pydantic models: what a ruleset file and a provider profile may contain."""

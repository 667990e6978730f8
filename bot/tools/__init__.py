"""Maintenance tools for the Rasa project (run with the app venv)."""
